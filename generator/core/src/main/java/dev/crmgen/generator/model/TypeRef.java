package dev.crmgen.generator.model;

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

    record ScalarRef(Scalar scalar) implements TypeRef {}

    record ListRef(TypeRef element) implements TypeRef {}

    record MapRef(TypeRef value) implements TypeRef {}

    /** A type declared in {@link ApiModel#types()}, by its Java simple name. */
    record NamedRef(String javaName) implements TypeRef {}

    static TypeRef scalar(Scalar scalar) {
        return new ScalarRef(scalar);
    }
}
