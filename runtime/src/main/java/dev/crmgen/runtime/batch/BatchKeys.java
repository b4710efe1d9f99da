package dev.crmgen.runtime.batch;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How {@link BatchExecutor} matches results and errors back to inputs. Any method may return null when the
 * type has no such key.
 *
 * <ul>
 *   <li>{@link #inputId} — the input's id: a HubSpot object id, or the value of the unique property named by
 *       {@link #inputIdProperty}.</li>
 *   <li>{@link #inputIdProperty} — the name of that unique property, or null when {@code inputId} is the object id.</li>
 *   <li>{@link #inputTraceId} / {@link #resultTraceId} — {@code objectWriteTraceId}, matched first when present.</li>
 *   <li>{@link #resultId} — the result's object id; {@link #resultProperty} a result property (for unique-property ids).</li>
 *   <li>{@link #inputWithTraceId} — stamps a trace id on a keyless input (null when the type cannot carry one).</li>
 * </ul>
 *
 * @param <I> the input type
 * @param <R> the result type
 */
public interface BatchKeys<I, R> {
    /** The input's id (object id or unique property value), or null. */
    String inputId(I input);

    /** The unique property {@link #inputId} refers to, or null for the object id. */
    String inputIdProperty(I input);

    /** The input's {@code objectWriteTraceId}, or null. */
    String inputTraceId(I input);

    /** The result's object id, or null. */
    String resultId(R result);

    /** The result's {@code objectWriteTraceId}, or null. */
    String resultTraceId(R result);

    /** The value of a result property, or null. */
    String resultProperty(R result, String name);

    /**
     * A copy of {@code input} carrying {@code traceId} as its {@code objectWriteTraceId}, or null when the input
     * type has none. {@link BatchExecutor} stamps keyless inputs this way so their results can be matched.
     */
    default I inputWithTraceId(I input, String traceId) {
        return null;
    }

    /** A builder; unset keys return null. */
    static <I, R> Builder<I, R> builder() {
        return new Builder<>();
    }

    /** Builds {@link BatchKeys} from lambdas. */
    final class Builder<I, R> {
        private Function<? super I, String> inputId = i -> null;
        private Function<? super I, String> inputIdProperty = i -> null;
        private Function<? super I, String> inputTraceId = i -> null;
        private Function<? super R, String> resultId = r -> null;
        private Function<? super R, String> resultTraceId = r -> null;
        private BiFunction<? super R, String, String> resultProperty = (r, n) -> null;
        private BiFunction<? super I, String, ? extends I> inputWithTraceId = (i, t) -> null;

        private Builder() {}

        /** See {@link BatchKeys#inputId}. */
        public Builder<I, R> inputId(Function<? super I, String> f) {
            this.inputId = Objects.requireNonNull(f, "inputId");
            return this;
        }

        /** See {@link BatchKeys#inputIdProperty}. */
        public Builder<I, R> inputIdProperty(Function<? super I, String> f) {
            this.inputIdProperty = Objects.requireNonNull(f, "inputIdProperty");
            return this;
        }

        /** See {@link BatchKeys#inputTraceId}. */
        public Builder<I, R> inputTraceId(Function<? super I, String> f) {
            this.inputTraceId = Objects.requireNonNull(f, "inputTraceId");
            return this;
        }

        /** See {@link BatchKeys#resultId}. */
        public Builder<I, R> resultId(Function<? super R, String> f) {
            this.resultId = Objects.requireNonNull(f, "resultId");
            return this;
        }

        /** See {@link BatchKeys#resultTraceId}. */
        public Builder<I, R> resultTraceId(Function<? super R, String> f) {
            this.resultTraceId = Objects.requireNonNull(f, "resultTraceId");
            return this;
        }

        /** See {@link BatchKeys#resultProperty}. */
        public Builder<I, R> resultProperty(BiFunction<? super R, String, String> f) {
            this.resultProperty = Objects.requireNonNull(f, "resultProperty");
            return this;
        }

        /**
         * See {@link BatchKeys#resultProperty}: the property is looked up in the map {@code f} returns, which may be
         * null. A method reference to a result's properties is all a caller writes, and cheaper for javac than a
         * lambda.
         */
        public Builder<I, R> resultProperties(Function<? super R, ? extends Map<String, String>> f) {
            Objects.requireNonNull(f, "resultProperties");
            this.resultProperty = (result, name) -> {
                Map<String, String> properties = f.apply(result);
                return properties == null ? null : properties.get(name);
            };
            return this;
        }

        /** See {@link BatchKeys#inputWithTraceId}. */
        public Builder<I, R> inputWithTraceId(BiFunction<? super I, String, ? extends I> f) {
            this.inputWithTraceId = Objects.requireNonNull(f, "inputWithTraceId");
            return this;
        }

        /** The keys. */
        public BatchKeys<I, R> build() {
            Function<? super I, String> a = inputId;
            Function<? super I, String> b = inputIdProperty;
            Function<? super I, String> c = inputTraceId;
            Function<? super R, String> d = resultId;
            Function<? super R, String> e = resultTraceId;
            BiFunction<? super R, String, String> f = resultProperty;
            BiFunction<? super I, String, ? extends I> g = inputWithTraceId;
            return new BatchKeys<>() {
                @Override
                public String inputId(I input) {
                    return a.apply(input);
                }

                @Override
                public String inputIdProperty(I input) {
                    return b.apply(input);
                }

                @Override
                public String inputTraceId(I input) {
                    return c.apply(input);
                }

                @Override
                public String resultId(R result) {
                    return d.apply(result);
                }

                @Override
                public String resultTraceId(R result) {
                    return e.apply(result);
                }

                @Override
                public String resultProperty(R result, String name) {
                    return f.apply(result, name);
                }

                @Override
                public I inputWithTraceId(I input, String traceId) {
                    return g.apply(input, traceId);
                }
            };
        }
    }
}
