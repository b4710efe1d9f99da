package dev.crmgen.runtime;

import dev.crmgen.runtime.http.MultipartBody;
import dev.crmgen.runtime.http.RequestBody;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonCodecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One API call, independent of the base URL and credentials: method, path with parameters, query, headers and
 * body. Immutable. A JSON body is kept as its value and codec: each call encodes it once, straight into the pooled
 * buffers the transport sends (every retry resends those same bytes), and gives the buffers back when it is over.
 */
public final class ApiRequest {
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "authorization",
            "user-agent",
            "content-length",
            "host",
            "accept-encoding",
            "connection",
            "expect",
            "upgrade");

    private final String method;
    private final String pathTemplate;
    private final String operationId;
    private final String path;
    private final String query;
    private final Map<String, String> headers;
    /** A ready-made body, or null. */
    private final byte[] body;

    @SuppressWarnings("rawtypes")
    private final JsonCodec jsonCodec;

    private final Object jsonValue;
    /** The JSON body as {@link #body()} returns it, encoded on first use. */
    private volatile byte[] encodedJson;

    private final String contentType;
    private final String accept;
    private final boolean retrySafe;
    private final Duration timeout;

    private ApiRequest(Builder b, String path, String query, boolean retrySafe) {
        this.method = b.method;
        this.pathTemplate = b.pathTemplate;
        this.operationId = b.operationId;
        this.path = path;
        this.query = query;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.jsonCodec = b.jsonCodec;
        this.jsonValue = b.jsonValue;
        this.contentType = b.contentType;
        this.accept = b.accept;
        this.retrySafe = retrySafe;
        this.timeout = b.timeout;
    }

    /**
     * Starts a request.
     *
     * @param method an HTTP method such as {@code POST}
     * @param pathTemplate the path with {@code {name}} placeholders, such as {@code /crm/v3/objects/notes/{noteId}}
     */
    public static Builder builder(String method, String pathTemplate) {
        return new Builder(method, pathTemplate);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The path template as given. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The spec's operationId, or null. */
    public String operationId() {
        return operationId;
    }

    /** The expanded, percent-encoded path. */
    public String path() {
        return path;
    }

    /** The percent-encoded query without {@code ?}, empty when there is none. */
    public String query() {
        return query;
    }

    /** Extra headers, in the order given. */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The body bytes, or null for none. Not copied: do not modify. A JSON body is encoded on the first call.
     *
     * @throws UncheckedIOException when the JSON body cannot be encoded
     */
    public byte[] body() {
        if (jsonCodec == null) {
            return body;
        }
        byte[] json = encodedJson;
        if (json == null) {
            json = encodeJson();
            encodedJson = json;
        }
        return json;
    }

    private boolean hasBody() {
        return body != null || jsonCodec != null;
    }

    /**
     * The body for one call, or null for none: a JSON body encoded into pooled segments when {@code pooled} (the
     * caller closes it when the call is over), else the array {@link #body()} returns.
     *
     * @throws UncheckedIOException when the JSON body cannot be encoded
     */
    @SuppressWarnings("unchecked")
    RequestBody content(boolean pooled) {
        if (jsonCodec == null || !pooled) {
            return hasBody() ? RequestBody.of(body()) : null;
        }
        try {
            return RequestBody.pooled(out -> Json.encode(jsonCodec, jsonValue, out));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private byte[] encodeJson() {
        return Json.encode(jsonCodec, jsonValue);
    }

    /** The body's media type, or null. */
    public String contentType() {
        return contentType;
    }

    /** The {@code Accept} media type. */
    public String accept() {
        return accept;
    }

    /** Whether the runtime may resend the request after a failure that may have reached the server. */
    public boolean retrySafe() {
        return retrySafe;
    }

    /** The per-call response timeout, or null for the client's default. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code METHOD path} and the operationId: safe for logs. */
    public String describe() {
        return method + " " + pathTemplate + (operationId == null ? "" : " (" + operationId + ")");
    }

    @Override
    public String toString() {
        String content = body != null ? body.length + " bytes" : jsonCodec != null ? "JSON" : "none";
        return "ApiRequest[" + describe() + ", body=" + content + "]";
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final String pathTemplate;
        private String operationId;
        private final Map<String, String> pathParams = new LinkedHashMap<>();
        private final List<String[]> queryParams = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private Object jsonValue;
        private JsonCodec<?> jsonCodec;
        private String contentType;
        private String accept = "application/json";
        private Boolean retrySafe;
        private Duration timeout;

        private Builder(String method, String pathTemplate) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathTemplate, "pathTemplate");
            if (method.isBlank()) {
                throw new IllegalArgumentException("method is blank");
            }
            if (!pathTemplate.startsWith("/")) {
                throw new IllegalArgumentException("pathTemplate must start with '/': " + pathTemplate);
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.pathTemplate = pathTemplate;
        }

        /** The spec's operationId, for logs and messages. */
        public Builder operationId(String operationId) {
            this.operationId = operationId;
            return this;
        }

        /** A parameter's text: date-times keep their seconds (RFC 3339), which {@code toString()} may drop. */
        private static String text(Object value) {
            return value instanceof OffsetDateTime t ? JsonCodecs.formatDateTime(t) : value.toString();
        }

        /**
         * Fills placeholder {@code {name}} with the value's text, percent-encoded: {@code toString()}, except that an
         * {@link OffsetDateTime} is written in RFC 3339 as {@link JsonCodecs#formatDateTime} does.
         */
        public Builder pathParam(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                throw new IllegalArgumentException("path parameter '" + name + "' is null");
            }
            if (!pathTemplate.contains("{" + name + "}")) {
                throw new IllegalArgumentException("path " + pathTemplate + " has no parameter '" + name + "'");
            }
            pathParams.put(name, PercentEncoding.encode(text(value)));
            return this;
        }

        /**
         * Adds a query parameter, its value's text as for {@link #pathParam}; null is skipped, a {@link Collection}
         * repeats the name ({@code a=1&a=2}).
         */
        public Builder queryParam(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value instanceof Collection<?> values) {
                for (Object v : values) {
                    if (v != null) {
                        queryParams.add(new String[] {name, text(v)});
                    }
                }
            } else if (value != null) {
                queryParams.add(new String[] {name, text(value)});
            }
            return this;
        }

        /**
         * Adds a header, its value's text as for {@link #pathParam}; null is skipped. Authorization and transport
         * headers are set by the runtime.
         */
        public Builder header(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "header '" + name + "' is set by the runtime (credentials belong in ClientOptions)");
            }
            if (value != null) {
                headers.put(name, text(value));
            }
            return this;
        }

        /** A JSON body, encoded when the request is sent (once per call, whatever the retries). */
        public <B> Builder jsonBody(B value, JsonCodec<B> codec) {
            Objects.requireNonNull(codec, "codec");
            this.jsonValue = value;
            this.jsonCodec = codec;
            this.body = null;
            this.contentType = "application/json";
            return this;
        }

        /** A ready-made body. */
        public Builder rawBody(byte[] body, String contentType) {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(contentType, "contentType");
            this.body = body.clone();
            this.jsonCodec = null;
            this.jsonValue = null;
            this.contentType = contentType;
            return this;
        }

        /** A {@code multipart/form-data} body, such as a file upload. */
        public Builder multipartBody(MultipartBody body) {
            Objects.requireNonNull(body, "body");
            this.body = body.toByteArray();
            this.jsonCodec = null;
            this.jsonValue = null;
            this.contentType = body.contentType();
            return this;
        }

        /** The {@code Accept} media type (default {@code application/json}). */
        public Builder accept(String mediaType) {
            this.accept = Objects.requireNonNull(mediaType, "mediaType");
            return this;
        }

        /**
         * Whether the runtime may resend after a failure that may have reached the server. Defaults to true for
         * GET, HEAD, OPTIONS, PUT and DELETE and false otherwise; set true for HubSpot batch update, read,
         * upsert, archive and search, false for create.
         */
        public Builder retrySafe(boolean retrySafe) {
            this.retrySafe = retrySafe;
            return this;
        }

        /** Overrides the client's response timeout for this call. */
        public Builder timeout(Duration timeout) {
            this.timeout = ClientOptions.Builder.positive(timeout, "timeout");
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalArgumentException when a path placeholder has no value
         */
        public ApiRequest build() {
            StringBuilder path = new StringBuilder(pathTemplate.length() + 32);
            int i = 0;
            while (i < pathTemplate.length()) {
                int open = pathTemplate.indexOf('{', i);
                if (open < 0) {
                    path.append(pathTemplate, i, pathTemplate.length());
                    break;
                }
                int close = pathTemplate.indexOf('}', open);
                if (close < 0) {
                    throw new IllegalArgumentException("unbalanced '{' in path " + pathTemplate);
                }
                String name = pathTemplate.substring(open + 1, close);
                String value = pathParams.get(name);
                if (value == null) {
                    throw new IllegalArgumentException(
                            "path parameter '" + name + "' of " + pathTemplate + " has no value");
                }
                path.append(pathTemplate, i, open).append(value);
                i = close + 1;
            }
            StringBuilder query = new StringBuilder();
            for (String[] q : queryParams) {
                if (query.length() > 0) {
                    query.append('&');
                }
                query.append(PercentEncoding.encode(q[0])).append('=').append(PercentEncoding.encode(q[1]));
            }
            boolean safe = retrySafe != null
                    ? retrySafe
                    : switch (method) {
                        case "GET", "HEAD", "OPTIONS", "PUT", "DELETE" -> true;
                        default -> false;
                    };
            return new ApiRequest(this, path.toString(), query.toString(), safe);
        }
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters. */
    static final class PercentEncoding {
        private static final char[] HEX = "0123456789ABCDEF".toCharArray();

        private PercentEncoding() {}

        static String encode(String s) {
            int n = s.length();
            int k = 0;
            while (k < n && isUnreserved(s.charAt(k))) {
                k++;
            }
            if (k == n) {
                return s;
            }
            StringBuilder sb = new StringBuilder(n + 16).append(s, 0, k);
            for (byte b : s.substring(k).getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xFF);
                if (isUnreserved(c)) {
                    sb.append(c);
                } else {
                    sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            return sb.toString();
        }

        private static boolean isUnreserved(char c) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
        }
    }
}
