package dev.crmgen.runtime.json;

import java.util.Objects;

/**
 * One place where a document departed from what its codec declares and was read anyway: a required property
 * missing, or a value of another JSON type than declared. Collected by {@link Json#decodeTolerant}; a strict decode
 * throws {@link JsonDecodingException} instead.
 *
 * @param path the JSON path of the value, such as {@code $.errors[2].context}
 * @param expected what the codec declares there, in words ("an object", "a 32-bit integer")
 * @param found what the document has there, in words ("the string \"no ids\"", "nothing")
 * @param raw the value as sent ({@link JsonValue#NULL} when the property is absent), kept whole
 */
public record JsonDeviation(String path, String expected, String found, JsonValue raw) {
    /** Rejects Java {@code null} components. */
    public JsonDeviation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(raw, "raw");
    }

    /** {@code $.errors[2].context: expected an object but found the string "..."}. */
    @Override
    public String toString() {
        return path + ": expected " + expected + " but found " + found;
    }
}
