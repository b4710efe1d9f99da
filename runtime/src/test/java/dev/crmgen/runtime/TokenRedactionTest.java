package dev.crmgen.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.crmgen.runtime.error.ApiException;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RateLimiter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token must not appear in any log line, exception text, raw body or toString, even when a server echoes it. */
class TokenRedactionTest {
    static final String TOKEN = "pat-na1-0f9e8d7c-REDACT-ME-6b5a4c3d2e1f";
    WireMockServer server;

    @BeforeEach
    void start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void tokenNeverLeaks() {
        String echo =
                "{\"status\":\"error\",\"category\":\"INVALID_AUTHENTICATION\",\"message\":\"Authentication credentials "
                        + "Bearer " + TOKEN + " not found\",\"correlationId\":\"c-9\",\"context\":{\"token\":[\""
                        + TOKEN + "\"]}}";
        server.stubFor(post(urlEqualTo("/echo401"))
                .willReturn(aResponse().withStatus(401).withBody(echo)));
        server.stubFor(post(urlEqualTo("/echo503"))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>upstream rejected Authorization: Bearer " + TOKEN + "</html>")));
        server.stubFor(post(urlEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(post(urlEqualTo("/slow"))
                .willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(600)));
        server.stubFor(post(urlEqualTo("/ok"))
                .willReturn(aResponse().withStatus(200).withBody("{\"echo\":\"" + TOKEN + "\"}")));

        List<String> requestTexts = new ArrayList<>();
        HttpTransport jdk = HttpTransport.jdk(Duration.ofSeconds(2));
        HttpTransport recording = r -> {
            synchronized (requestTexts) {
                requestTexts.add(r.toString());
            }
            return jdk.send(r);
        };
        ClientOptions options = ClientOptions.builder()
                .accessToken(TOKEN)
                .baseUrl("http://127.0.0.1:" + server.port())
                .transport(recording)
                .ticker(new FakeTicker())
                .rateLimiter(RateLimiter.unlimited())
                .logHttp(true)
                .build();
        ApiInvoker invoker = ApiInvoker.create(options);
        ResponseMapper<JsonValue> mapper = ResponseMapper.<JsonValue>builder()
                .json(200, JsonCodecs.JSON_VALUE, v -> v)
                .build();

        List<Throwable> failures = new ArrayList<>();
        List<String> logs;
        try (LogCapture capture = new LogCapture()) {
            for (String path : List.of("/echo401", "/echo503", "/reset", "/slow")) {
                ApiRequest request = ApiRequest.builder("POST", path)
                        .retrySafe(true)
                        .timeout(Duration.ofMillis(path.equals("/slow") ? 150 : 5000))
                        .jsonBody(JsonValue.of(Map.of("inputs", List.of())), JsonCodecs.JSON_VALUE)
                        .build();
                failures.add(assertThrows(ApiException.class, () -> invoker.invoke(request, mapper)));
            }
            invoker.invoke(ApiRequest.builder("POST", "/ok").build(), mapper);
            logs = capture.lines();
        }

        List<String> texts = new ArrayList<>(logs);
        texts.addAll(requestTexts);
        texts.add(options.toString());
        texts.add(invoker.toString());
        texts.add(options.tokenProvider().toString());
        for (Throwable t : failures) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
            texts.add(((ApiException) t).rawBody());
            ((ApiException) t).error().ifPresent(e -> texts.add(e.toString()));
        }
        for (String text : texts) {
            assertFalse(text.contains(TOKEN), () -> "token leaked in: " + text);
            assertFalse(text.contains("REDACT-ME"), () -> "token fragment leaked in: " + text);
        }
        // The scan is meaningful only if the texts really cover retries, HTTP logs and redacted echoes.
        assertTrue(logs.stream().anyMatch(l -> l.contains("retry 1/3")), String.join("\n", logs));
        assertTrue(
                logs.stream().anyMatch(l -> l.contains("--> POST") && l.contains("Authorization: [REDACTED]")),
                String.join("\n", logs));
        assertTrue(
                logs.stream().anyMatch(l -> l.contains("<-- 200") && l.contains("[REDACTED]")),
                String.join("\n", logs));
        assertTrue(
                failures.get(0).getMessage().contains("Bearer [REDACTED] not found"),
                failures.get(0).getMessage());
        assertTrue(((ApiException) failures.get(1)).rawBody().contains("Bearer [REDACTED]"));
        assertTrue(requestTexts.size() >= 4 + 3 * 3);
    }
}
