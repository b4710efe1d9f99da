package dev.crmgen.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** A plain java.net.http client for the sandbox tests, independent of the generated client and the runtime. */
final class SandboxClient {
    static final String UPDATE = "/crm/v3/objects/notes/batch/update";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final NotesSandbox sandbox;

    SandboxClient(NotesSandbox sandbox) {
        this.sandbox = sandbox;
    }

    HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, sandbox.accessToken(), body);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + sandbox.accessToken())
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {"inputs":[{"id":..,"properties":{"hs_note_body":..}}, ...]} for (id, body) pairs. */
    static String updates(List<String> ids, String bodyPrefix) {
        StringJoiner inputs = new StringJoiner(",", "{\"inputs\":[", "]}");
        for (String id : ids) {
            inputs.add("{\"id\":\"" + id + "\",\"properties\":{\"hs_note_body\":\"" + bodyPrefix + id + "\"}}");
        }
        return inputs.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) throws JsonTree.InvalidJson {
        return (Map<String, Object>) JsonTree.parse(response.body().getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
