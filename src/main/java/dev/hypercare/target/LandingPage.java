package dev.hypercare.target;

/** The small page at {@code /}, so a person opening the URL sees what the target offers. */
final class LandingPage {

    private LandingPage() {}

    static String html(String version) {
        String safeVersion = version.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Hypercare demo target</title></head>
                <body>
                <h1>Hypercare demo target</h1>
                <p>Version %s. A small service for load tests and probes, with fault injection.</p>
                <ul>
                  <li><a href="/api/health">/api/health</a>, <a href="/api/health/live">/api/health/live</a>,
                      <a href="/api/health/ready">/api/health/ready</a></li>
                  <li><code>POST /api/auth/login</code> {"username":"u","password":"p"} &rarr; bearer token</li>
                  <li><code>GET|POST /api/tasks</code>, <code>GET /api/tasks/{id}</code> (bearer token)</li>
                  <li>WebSocket <code>/ws</code> on its own port: subscribe, heartbeat, echo</li>
                </ul>
                </body>
                </html>
                """.formatted(safeVersion);
    }
}
