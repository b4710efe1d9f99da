package dev.crmgen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Checks on what the generated client put on the wire, and on what it lets out in failures. */
public final class SentRequests {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SentRequests() {}

    /** The headers every call must carry: the bearer token, crmgen's User-Agent and a JSON Accept. */
    public static void assertCommonHeaders(LoggedRequest request) {
        assertEquals("Bearer " + RecordedHubSpot.FAKE_TOKEN, request.getHeader("Authorization"), "Authorization");
        String userAgent = request.getHeader("User-Agent");
        assertNotNull(userAgent, "User-Agent");
        assertTrue(userAgent.startsWith("crmgen/"), () -> "User-Agent names crmgen and its version: " + userAgent);
        assertFalse(userAgent.endsWith("/"), () -> "User-Agent carries a version: " + userAgent);
        String accept = request.getHeader("Accept");
        assertNotNull(accept, "Accept");
        assertTrue(accept.contains("application/json"), () -> "Accept: " + accept);
    }

    /** A JSON POST: common headers, {@code Content-Type: application/json}, and a body equal (as JSON) to {@code expectedJson}. */
    public static void assertJsonPost(LoggedRequest request, String path, String expectedJson) {
        assertEquals("POST", request.getMethod().getName(), "method");
        assertEquals(path, request.getUrl().replaceFirst("\\?.*$", ""), "path");
        assertCommonHeaders(request);
        String contentType = request.getHeader("Content-Type");
        assertNotNull(contentType, "Content-Type");
        assertTrue(
                contentType.equals("application/json") || contentType.startsWith("application/json;"),
                () -> "Content-Type: " + contentType);
        assertEquals(tree(expectedJson), tree(request.getBodyAsString()), "request body (as JSON)");
    }

    /** The same body, headers and path on every attempt: a resend must not change the request. */
    public static void assertAllJsonPosts(List<LoggedRequest> requests, String path, String expectedJson) {
        for (LoggedRequest r : requests) {
            assertJsonPost(r, path, expectedJson);
        }
    }

    /** Neither the message, the cause chain, the stack trace text nor the raw body mention the access token. */
    public static void assertNoToken(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(RecordedHubSpot.FAKE_TOKEN), "the access token leaked into: " + trace);
        assertFalse(
                String.valueOf(failure).contains(RecordedHubSpot.FAKE_TOKEN),
                "the access token leaked into toString()");
    }

    /** Parses JSON text into a tree, for order-insensitive comparison of objects. */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
