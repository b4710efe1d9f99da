package dev.crmgen.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * A property the sandbox's notes have. Writing an undefined property fails with HubSpot's
 * {@code PROPERTY_DOESNT_EXIST}; writing a read-only one with {@code READ_ONLY_VALUE}; a value that does not fit the
 * type with {@code INVALID_DATE} / {@code INVALID_LONG}. A unique property can be used as {@code idProperty}.
 *
 * @param name the internal property name
 * @param type how values are validated
 * @param readOnly whether clients may not write it
 * @param unique whether values are unique across notes (usable as {@code idProperty})
 */
public record NoteProperty(String name, Type type, boolean readOnly, boolean unique) {
    /** Value types the sandbox validates. */
    public enum Type {
        /** Any string. */
        STRING,
        /** Epoch milliseconds or an ISO-8601 date or date-time, as HubSpot accepts for datetime properties. */
        DATETIME,
        /** A decimal number. */
        NUMBER
    }

    public NoteProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("property names are lower-case and non-empty: '" + name + "'");
        }
    }

    /** A writable string property. */
    public static NoteProperty string(String name) {
        return new NoteProperty(name, Type.STRING, false, false);
    }

    /** A writable string property whose values are unique across notes, usable as {@code idProperty}. */
    public static NoteProperty uniqueString(String name) {
        return new NoteProperty(name, Type.STRING, false, true);
    }

    /** The error code for an invalid value, or null when the value fits. An empty value clears the property. */
    String validate(String value) {
        if (value.isEmpty()) {
            return null;
        }
        switch (type) {
            case DATETIME:
                return isDateTime(value) ? null : "INVALID_DATE";
            case NUMBER:
                try {
                    new BigDecimal(value);
                    return null;
                } catch (NumberFormatException e) {
                    return "INVALID_LONG";
                }
            default:
                return null;
        }
    }

    private static boolean isDateTime(String value) {
        if (value.chars().allMatch(Character::isDigit) && value.length() <= 18) {
            return true;
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(value);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
