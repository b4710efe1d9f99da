package dev.crmgen.generator.model;

import java.util.Objects;

/** The Java shape of a schema use: a scalar, a list, a string-keyed map, or a generated type. */
public sealed interface TypeRef {
    /** Scalars map one to one onto the runtime's built-in codecs. */
    enum Scalar {
        STRING,
        INT32,
        INT64,
        FLOAT,
        DOUBLE,
        DECIMAL,
        BOOLEAN,
        DATE_TIME,
        DATE,
        UUID,
        JSON_VALUE,
        /** The raw bytes of a non-JSON request or response body; never inside JSON. */
        BINARY
    }

    // equals and hashCode are written out, with the values a record's own would have: type uses are compared and
    // hashed throughout generation, and a record's own are bootstrapped through invokedynamic on first use, which
    // costs more than the work in the cold JVM the generator mostly runs in.

    record ScalarRef(Scalar scalar) implements TypeRef {
        @Override
        public boolean equals(Object o) {
            return o instanceof ScalarRef other && Objects.equals(scalar, other.scalar);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(scalar);
        }
    }

    record ListRef(TypeRef element) implements TypeRef {
        @Override
        public boolean equals(Object o) {
            return o instanceof ListRef other && Objects.equals(element, other.element);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(element);
        }
    }

    record MapRef(TypeRef value) implements TypeRef {
        @Override
        public boolean equals(Object o) {
            return o instanceof MapRef other && Objects.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }
    }

    /** A type declared in {@link ApiModel#types()}, by its Java simple name. */
    record NamedRef(String javaName) implements TypeRef {
        @Override
        public boolean equals(Object o) {
            return o instanceof NamedRef other && Objects.equals(javaName, other.javaName);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(javaName);
        }
    }

    static TypeRef scalar(Scalar scalar) {
        return new ScalarRef(scalar);
    }
}
