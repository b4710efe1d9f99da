package dev.crmgen.runtime;

import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.internal.RuntimeLog;
import dev.crmgen.runtime.json.Decoded;
import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonDecodingException;
import dev.crmgen.runtime.json.JsonDeviation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a 2xx response into a result, one handler per declared status. A 2xx status without a handler, or a body
 * that does not decode, becomes a {@link ResponseDecodingException}; non-2xx statuses never reach the mapper.
 *
 * <p>JSON bodies are read {@linkplain Json#decodeTolerant tolerantly} unless the call is strict: where a body departs
 * from the spec in a part that can be done without, the result is still built, each {@link JsonDeviation} is logged
 * (one WARNING line per response on the {@code dev.crmgen.runtime} logger) and, for results registered with
 * {@link Builder#jsonWithDeviations}, handed to the result. A strict call fails on the first deviation.
 *
 * @param <T> the result type
 */
public final class ResponseMapper<T> {
    private final Handler<T>[] handlers;

    private ResponseMapper(Handler<T>[] handlers) {
        this.handlers = handlers;
    }

    /** Starts a mapper. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * A mapper for an operation with one success status, whose JSON body is the result; the short form of
     * {@code builder().json(status, codec).build()}, which keeps generated clients cheap to compile.
     */
    public static <T> ResponseMapper<T> json(int status, JsonCodec<T> codec) {
        return new Builder<T>().json(status, codec).build();
    }

    /**
     * A mapper for an operation with one success status and no (meaningful) body: its result is null. The short form
     * of {@code builder().empty(status).build()}.
     */
    public static <T> ResponseMapper<T> empty(int status) {
        return new Builder<T>().empty(status).build();
    }

    /**
     * Maps a success response, reading its body tolerantly.
     *
     * @throws ResponseDecodingException for an undeclared status or a body that does not decode
     */
    public T map(int status, byte[] body, String correlationId) {
        return map(status, body, correlationId, false);
    }

    /**
     * Maps a success response.
     *
     * @param strict whether any departure of the body from the spec fails the call rather than being recorded
     * @throws ResponseDecodingException for an undeclared status or a body that does not decode (strictly, when
     *         {@code strict})
     */
    public T map(int status, byte[] body, String correlationId, boolean strict) {
        Handler<T> h = status >= 200 && status < 300 ? handlers[status - 200] : null;
        if (h == null) {
            throw new ResponseDecodingException(
                    "unexpected success status " + status + " (not declared by the operation)",
                    status,
                    correlationId,
                    text(body),
                    null,
                    null);
        }
        try {
            return h.handle(body, strict, status, correlationId);
        } catch (JsonDecodingException e) {
            throw new ResponseDecodingException(
                    "could not decode the " + status + " response: " + e.getMessage(),
                    status,
                    correlationId,
                    text(body),
                    e.path(),
                    e);
        }
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T> Handler<T>[] newHandlers(int n) {
        // Java has no generic array creation; every element is written through put(), typed Handler<T>.
        return (Handler<T>[]) new Handler<?>[n];
    }

    /** Reads a JSON body strictly or tolerantly; a tolerant read logs its deviations, one line per response. */
    private static <B> Decoded<B> read(
            JsonCodec<B> codec, byte[] body, boolean strict, int status, String correlationId)
            throws JsonDecodingException {
        Decoded<B> decoded =
                strict ? new Decoded<>(Json.decode(codec, body), List.of()) : Json.decodeTolerant(codec, body);
        if (decoded.value() == null) {
            throw new JsonDecodingException("$", "expected a JSON value but found null or nothing");
        }
        if (!decoded.deviations().isEmpty()) {
            List<JsonDeviation> deviations = decoded.deviations();
            RuntimeLog.LOG.log(System.Logger.Level.WARNING, () -> describe(status, correlationId, deviations));
        }
        return decoded;
    }

    private static String describe(int status, String correlationId, List<JsonDeviation> deviations) {
        StringBuilder line = new StringBuilder().append(status).append(" response");
        if (correlationId != null) {
            line.append(" [correlationId ").append(correlationId).append(']');
        }
        line.append(" departs from the spec in ")
                .append(deviations.size())
                .append(deviations.size() == 1 ? " place" : " places")
                .append(", read tolerantly: ");
        int shown = Math.min(deviations.size(), 5);
        for (int i = 0; i < shown; i++) {
            line.append(i == 0 ? "" : "; ").append(deviations.get(i));
        }
        if (deviations.size() > shown) {
            line.append("; and ").append(deviations.size() - shown).append(" more");
        }
        return line.toString();
    }

    @FunctionalInterface
    private interface Handler<T> {
        T handle(byte[] body, boolean strict, int status, String correlationId) throws JsonDecodingException;
    }

    /** Builds a {@link ResponseMapper}. */
    public static final class Builder<T> {
        private final Handler<T>[] handlers = newHandlers(100);

        private Builder() {}

        /** Status {@code status} carries JSON decoded by {@code codec} and wrapped by {@code wrap}. */
        public <B> Builder<T> json(int status, JsonCodec<B> codec, Function<B, T> wrap) {
            Objects.requireNonNull(codec, "codec");
            Objects.requireNonNull(wrap, "wrap");
            put(
                    status,
                    (body, strict, s, correlationId) -> wrap.apply(
                            read(codec, body, strict, s, correlationId).value()));
            return this;
        }

        /** Status {@code status} carries JSON decoded by {@code codec}, which is the result itself. */
        public Builder<T> json(int status, JsonCodec<T> codec) {
            return json(status, codec, Function.identity());
        }

        /**
         * Status {@code status} carries JSON decoded by {@code codec} and wrapped by {@code wrap} together with where
         * the body departed from the spec (empty when it did not).
         */
        public <B> Builder<T> jsonWithDeviations(
                int status, JsonCodec<B> codec, BiFunction<B, List<JsonDeviation>, T> wrap) {
            Objects.requireNonNull(codec, "codec");
            Objects.requireNonNull(wrap, "wrap");
            put(status, (body, strict, s, correlationId) -> {
                Decoded<B> decoded = read(codec, body, strict, s, correlationId);
                return wrap.apply(decoded.value(), decoded.deviations());
            });
            return this;
        }

        /** Status {@code status} has no (meaningful) body; the result comes from {@code value}. */
        public Builder<T> empty(int status, Supplier<T> value) {
            Objects.requireNonNull(value, "value");
            put(status, (body, strict, s, correlationId) -> value.get());
            return this;
        }

        /** Status {@code status} has no (meaningful) body; the result is null. */
        public Builder<T> empty(int status) {
            return empty(status, () -> null);
        }

        /** Status {@code status} carries raw bytes. */
        public Builder<T> bytes(int status, Function<byte[], T> wrap) {
            Objects.requireNonNull(wrap, "wrap");
            put(status, (body, strict, s, correlationId) -> wrap.apply(body));
            return this;
        }

        /** The mapper. */
        public ResponseMapper<T> build() {
            return new ResponseMapper<>(handlers.clone());
        }

        private void put(int status, Handler<T> h) {
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException(
                        "only 2xx statuses are mapped; errors become ApiException: " + status);
            }
            if (handlers[status - 200] != null) {
                throw new IllegalArgumentException("status " + status + " is mapped twice");
            }
            handlers[status - 200] = h;
        }
    }
}
