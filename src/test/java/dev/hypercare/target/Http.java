package dev.hypercare.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small real HTTP client for the tests: JDK HttpClient, HTTP/1.1, bounded timeouts. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Response get(String path, String token) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    Response post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response post(String path, String body, String token) throws IOException, InterruptedException {
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path, String token) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", "Bearer " + token).DELETE());
    }

    Response method(String method, String path) throws IOException, InterruptedException {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Logs in as {@code username} and returns the bearer token. */
    String login(String username) throws IOException, InterruptedException {
        Response response = post("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"secret\"}");
        if (response.status() != 200) {
            throw new AssertionError("login answered " + response.status() + ": " + response.body());
        }
        return response.json().get("token").asText();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
    }
}
