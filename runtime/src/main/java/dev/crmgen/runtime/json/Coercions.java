package dev.crmgen.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * How the scalar codecs read a value of another JSON type than declared: during a tolerant decode, lossless
 * conversions are kept and everything else reads as absent, each recorded as a {@link JsonDeviation}; in a strict
 * decode, an error naming the JSON path.
 */
final class Coercions {
    private Coercions() {}

    /** {@link JsonCodecs#tolerate}: the value at the parser's position is not {@code expected}. */
    static <T> T tolerate(JsonParser p, String expected) throws IOException {
        return tolerate(p, expected, JsonPaths.describe(p));
    }

    static <T> T tolerate(JsonParser p, String expected, Throwable cause) throws IOException {
        return tolerate(p, expected, JsonPaths.describe(p), cause);
    }

    static <T> T tolerate(JsonParser p, String expected, String found) throws IOException {
        return tolerate(p, expected, found, null);
    }

    static <T> T tolerate(JsonParser p, String expected, String found, Throwable cause) throws IOException {
        TolerantDecode decode = TolerantDecode.current();
        if (decode == null) {
            throw new JsonDecodingException(JsonPaths.path(p), "expected " + expected + " but found " + found, cause);
        }
        String path = JsonPaths.path(p);
        decode.record(new JsonDeviation(path, expected, found, JsonCodecs.JSON_VALUE.read(p)));
        return null;
    }

    /** A lossless conversion of the scalar at the parser's position: recorded and kept, or an error when strict. */
    static <T> T converted(JsonParser p, String expected, T value) throws IOException {
        TolerantDecode decode = TolerantDecode.current();
        if (decode == null) {
            throw JsonCodecs.mismatch(p, expected);
        }
        decode.record(
                new JsonDeviation(JsonPaths.path(p), expected, JsonPaths.describe(p), JsonCodecs.JSON_VALUE.read(p)));
        return value;
    }

    /**
     * An integer that is not a plain in-range JSON integer: converted from a string or an integral decimal
     * ({@code "12"}, {@code 12.0}), otherwise unreadable.
     */
    static <T> T readIntegral(JsonParser p, String expected, Function<BigDecimal, T> exactValue) throws IOException {
        BigDecimal exact = exactNumberIn(p);
        if (exact == null) {
            return tolerate(p, expected);
        }
        T value;
        try {
            value = exactValue.apply(exact);
        } catch (ArithmeticException e) {
            return tolerate(p, expected, JsonPaths.describe(p) + " (out of range)");
        }
        return converted(p, expected, value);
    }

    /** The integral number in the current token (a JSON number, or a string holding one), or null. */
    static BigDecimal exactNumberIn(JsonParser p) throws IOException {
        BigDecimal number = isNumber(p) ? p.getDecimalValue() : numberInString(p);
        if (number == null) {
            return null;
        }
        try {
            return new BigDecimal(number.toBigIntegerExact());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** The number a string token holds exactly (no spaces, JSON's number syntax), or null. */
    static BigDecimal numberInString(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        String text = p.getText();
        if (text.isEmpty()
                || text.length() > 100
                || !(text.charAt(0) == '-' || Character.isDigit(text.charAt(0)))
                || !Character.isDigit(text.charAt(text.length() - 1))) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the current token is a JSON number. */
    static boolean isNumber(JsonParser p) {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** Whether {@code s} is a UUID in canonical form: 8-4-4-4-12 hex digits. */
    static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
