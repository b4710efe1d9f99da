package dev.crmgen.runtime.json;

import java.util.List;
import java.util.Objects;

/**
 * A document read by {@link Json#decodeTolerant}: the value and where the document departed from its codec.
 *
 * @param value the decoded value; null for a JSON {@code null} document
 * @param deviations in document order; empty when the document matched
 * @param <T> the value's type
 */
public record Decoded<T>(T value, List<JsonDeviation> deviations) {
    /** Copies the deviations, unmodifiable. */
    public Decoded {
        deviations = List.copyOf(Objects.requireNonNull(deviations, "deviations"));
    }
}
