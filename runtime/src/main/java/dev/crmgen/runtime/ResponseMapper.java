package dev.crmgen.runtime;

import dev.crmgen.runtime.json.Json;
import dev.crmgen.runtime.json.JsonCodec;
import dev.crmgen.runtime.json.JsonDecodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a 2xx response into a result, one handler per declared status. A 2xx status without a handler, or a body
 * that does not decode, becomes a {@link ResponseDecodingException}; non-2xx statuses never reach the mapper.
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
     * Maps a success response.
     *
     * @throws ResponseDecodingException for an undeclared status or a body that does not decode
     */
    public T map(int status, byte[] body, String correlationId) {
        Handler<T> h = status >= 200 && status < 300 ? handlers[status - 200] : null;
        if (h == null) {
            throw new ResponseDecodingException("unexpected success status " + status + " (not declared by the operation)",
                    status, correlationId, text(body), null, null);
        }
        try {
            return h.handle(body);
        } catch (JsonDecodingException e) {
            throw new ResponseDecodingException("could not decode the " + status + " response: " + e.getMessage(),
                    status, correlationId, text(body), e.path(), e);
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

    @FunctionalInterface
    private interface Handler<T> {
        T handle(byte[] body) throws JsonDecodingException;
    }

    /** Builds a {@link ResponseMapper}. */
    public static final class Builder<T> {
        private final Handler<T>[] handlers = newHandlers(100);

        private Builder() {
        }

        /** Status {@code status} carries JSON decoded by {@code codec} and wrapped by {@code wrap}. */
        public <B> Builder<T> json(int status, JsonCodec<B> codec, Function<B, T> wrap) {
            Objects.requireNonNull(codec, "codec");
            Objects.requireNonNull(wrap, "wrap");
            put(status, body -> {
                B decoded = Json.decode(codec, body);
                if (decoded == null) {
                    throw new JsonDecodingException("$", "expected a JSON value but found null or nothing");
                }
                return wrap.apply(decoded);
            });
            return this;
        }

        /** Status {@code status} has no (meaningful) body; the result comes from {@code value}. */
        public Builder<T> empty(int status, Supplier<T> value) {
            Objects.requireNonNull(value, "value");
            put(status, body -> value.get());
            return this;
        }

        /** Status {@code status} carries raw bytes. */
        public Builder<T> bytes(int status, Function<byte[], T> wrap) {
            Objects.requireNonNull(wrap, "wrap");
            put(status, wrap::apply);
            return this;
        }

        /** The mapper. */
        public ResponseMapper<T> build() {
            return new ResponseMapper<>(handlers.clone());
        }

        private void put(int status, Handler<T> h) {
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("only 2xx statuses are mapped; errors become ApiException: " + status);
            }
            if (handlers[status - 200] != null) {
                throw new IllegalArgumentException("status " + status + " is mapped twice");
            }
            handlers[status - 200] = h;
        }
    }
}
