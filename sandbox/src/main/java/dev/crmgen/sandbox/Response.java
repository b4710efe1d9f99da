package dev.crmgen.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One HTTP answer, and the HubSpot error bodies the sandbox sends. */
record Response(int status, String contentType, byte[] body) {
    static final String JSON = "application/json;charset=utf-8";
    private static final String AUTH_MESSAGE = "Authentication credentials not found. This API supports OAuth 2.0"
            + " authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";

    static Response json(int status, JsonTree.Body body) {
        return new Response(status, JSON, JsonTree.write(body));
    }

    static Response noContent() {
        return new Response(204, null, new byte[0]);
    }

    /** HubSpot's error body: {@code status}, {@code message}, {@code correlationId}, {@code category} and extras. */
    static Response error(
            int status,
            String category,
            String message,
            String correlationId,
            Map<String, List<String>> context,
            List<Detail> details) {
        return json(status, g -> {
            g.writeStartObject();
            g.writeStringField("status", "error");
            g.writeStringField("message", message);
            g.writeStringField("correlationId", correlationId);
            if (context != null && !context.isEmpty()) {
                JsonTree.writeContext(g, context);
            }
            g.writeStringField("category", category);
            if (details != null && !details.isEmpty()) {
                g.writeArrayFieldStart("errors");
                for (Detail d : details) {
                    g.writeStartObject();
                    g.writeStringField("message", d.message());
                    if (d.code() != null) {
                        g.writeStringField("code", d.code());
                    }
                    if (d.context() != null && !d.context().isEmpty()) {
                        JsonTree.writeContext(g, d.context());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    /** One entry of an error body's {@code errors} array (HubSpot's ErrorDetail). */
    record Detail(String message, String code, Map<String, List<String>> context) {}

    static Response validation(String message, String correlationId) {
        return error(400, "VALIDATION_ERROR", message, correlationId, null, null);
    }

    static Response unauthorized(String correlationId) {
        return error(401, "INVALID_AUTHENTICATION", AUTH_MESSAGE, correlationId, null, null);
    }

    /** HubSpot's 429 body when the token's daily quota is spent. */
    static Response dailyLimit(String correlationId) {
        return rateLimit(
                correlationId,
                "You have reached your daily limit.",
                "DAILY",
                "groupName",
                "publicapi:private-app:daily");
    }

    /** HubSpot's 429 body, which carries {@code errorType} and {@code policyName} instead of {@code category}. */
    static Response rateLimited(String correlationId, String requestId) {
        return tenSecondlyLimit(correlationId, "requestId", requestId);
    }

    /**
     * HubSpot's 429 body for the ten-secondly limit; its edge adds {@code requestId} or, naming the app's limit
     * group, {@code groupName} as the last field.
     */
    static Response tenSecondlyLimit(String correlationId, String lastField, String lastValue) {
        return rateLimit(
                correlationId,
                "You have reached your ten_secondly_rolling limit.",
                "TEN_SECONDLY_ROLLING",
                lastField,
                lastValue);
    }

    /** HubSpot's 429 body for the search endpoints' own per-second limit. */
    static Response secondlyLimit(String correlationId, String requestId) {
        return rateLimit(correlationId, "You have reached your secondly limit.", "SECONDLY", "requestId", requestId);
    }

    private static Response rateLimit(
            String correlationId, String message, String policyName, String lastField, String lastValue) {
        return json(429, g -> {
            g.writeStartObject();
            g.writeStringField("status", "error");
            g.writeStringField("message", message);
            g.writeStringField("errorType", "RATE_LIMIT");
            g.writeStringField("correlationId", correlationId);
            g.writeStringField("policyName", policyName);
            g.writeStringField(lastField, lastValue);
            g.writeEndObject();
        });
    }

    /**
     * An injected 5xx: HubSpot's application answers 500/503 in JSON, its edge answers 502/504 with an HTML page,
     * so clients meet both shapes.
     */
    static Response serverError(int status, String correlationId) {
        switch (status) {
            case 500:
                return error(500, "INTERNAL_ERROR", "internal error", correlationId, null, null);
            case 503:
                return error(
                        503,
                        "SERVICE_UNAVAILABLE",
                        "Service temporarily unavailable; retry later.",
                        correlationId,
                        null,
                        null);
            default:
                String reason = status == 502 ? "Bad Gateway" : "Gateway Timeout";
                String html =
                        "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
                                + status + " " + reason + "</h1></center>\r\n</body>\r\n</html>\r\n";
                return new Response(status, "text/html", html.getBytes(StandardCharsets.UTF_8));
        }
    }
}
