package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A client the user built (here: one that goes through a proxy) carries every call, with the runtime's rules. */
class UserHttpClientTest {
    static final String TOKEN = "pat-na1-0b1c2d3e-4f5a-4b6c-8d7e-PROXIED-TOKEN";

    @Test
    void callsGoThroughTheUsersHttpClientAndItsProxy() throws Exception {
        List<String> requestLines = new CopyOnWriteArrayList<>();
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerOnce(proxy, requestLines), "proxy");
            answering.setDaemon(true);
            answering.start();

            HttpClient client = HttpClient.newBuilder()
                    .proxy(ProxySelector.of(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.getLocalPort())))
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            ApiInvoker invoker = ApiInvoker.create(ClientOptions.builder()
                    .baseUrl("http://localhost:9") // nothing listens there: only the proxy can answer
                    .accessToken(TOKEN)
                    .transport(HttpTransport.jdk(client))
                    .retryPolicy(RetryPolicy.none())
                    .rateLimiter(RateLimiter.unlimited())
                    .build());

            JsonValue body = invoker.invoke(
                    ApiRequest.builder("POST", "/crm/v3/objects/notes/batch/read")
                            .jsonBody(JsonValue.of(Map.of("inputs", List.of())), JsonCodecs.JSON_VALUE)
                            .build(),
                    ResponseMapper.<JsonValue>builder()
                            .json(200, JsonCodecs.JSON_VALUE, v -> v)
                            .build());

            assertEquals(JsonValue.of(Map.of("results", List.of())), body);
            answering.join(5_000);
        }
        assertEquals(1, requestLines.size(), requestLines.toString());
        assertTrue(
                requestLines.get(0).startsWith("POST http://localhost:9/crm/v3/objects/notes/batch/read "),
                "a proxy sees the absolute URI: " + requestLines.get(0));
    }

    /** Reads one request (headers and the announced body) and answers it as the origin would. */
    private static void answerOnce(ServerSocket proxy, List<String> requestLines) {
        try (Socket socket = proxy.accept()) {
            socket.setSoTimeout(10_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            requestLines.add(in.readLine());
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.skip(length);
            byte[] json = "{\"results\":[]}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(json);
            out.flush();
        } catch (IOException e) {
            requestLines.add("proxy failed: " + e);
        }
    }
}
