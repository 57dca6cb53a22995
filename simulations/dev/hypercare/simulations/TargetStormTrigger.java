package dev.hypercare.simulations;

import dev.hypercare.load.SimulationSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the target to drop every WebSocket through its admin API, asynchronously so Gatling's event
 * loop never blocks. The call is not a Gatling request: it is control, not load, and stays out of the
 * statistics.
 */
final class TargetStormTrigger {
    private final URI dropUrl;
    private final String token;

    private TargetStormTrigger(URI dropUrl, String token) {
        this.dropUrl = dropUrl;
        this.token = token;
    }

    static TargetStormTrigger fromSettings() {
        String admin = SimulationSettings.fromSystem().adminUrl().orElseThrow(() -> new IllegalArgumentException(
                "reconnectStorm.trigger target needs the target's admin API (-D" + SimulationSettings.ADMIN_URL_PROPERTY
                        + " and " + SimulationSettings.ADMIN_TOKEN_ENV + "); use trigger: client against other targets"));
        String token = SimulationSettings.adminToken(System.getenv()).orElseThrow(() -> new IllegalArgumentException(
                "reconnectStorm.trigger target needs the admin token in " + SimulationSettings.ADMIN_TOKEN_ENV));
        return new TargetStormTrigger(URI.create(admin + "/websockets/drop"), token);
    }

    void dropAllSockets() {
        HttpRequest request = HttpRequest.newBuilder(dropUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> System.out.println(error == null
                        ? "reconnect storm: target answered " + response.statusCode() + " " + response.body()
                        : "reconnect storm: could not reach the target's admin API: " + error));
    }
}
