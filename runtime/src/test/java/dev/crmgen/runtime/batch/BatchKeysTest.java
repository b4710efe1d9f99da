package dev.crmgen.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys generated clients build: result properties read through the result's property map. */
class BatchKeysTest {
    record Result(String id, Map<String, String> properties) {}

    private static final BatchKeys<String, Result> KEYS = BatchKeys.<String, Result>builder()
            .resultId(Result::id)
            .resultProperties(Result::properties)
            .build();

    @Test
    void resultPropertiesLooksTheNameUpInTheResultsMap() {
        Result result = new Result("101", Map.of("email", "a@example.com"));

        assertEquals("a@example.com", KEYS.resultProperty(result, "email"));
        assertNull(KEYS.resultProperty(result, "phone"));
        assertEquals("101", KEYS.resultId(result));
    }

    @Test
    void resultPropertiesToleratesAResultWithoutPropertiesOrWithANullValue() {
        // HubSpot leaves properties out of some results, and sends null for a property that has no value.
        Map<String, String> withNull = new HashMap<>();
        withNull.put("email", null);

        assertNull(KEYS.resultProperty(new Result("102", null), "email"));
        assertNull(KEYS.resultProperty(new Result("103", withNull), "email"));
    }

    @Test
    void unsetKeysAreNull() {
        Result result = new Result("104", Map.of());

        assertNull(KEYS.inputId("input"));
        assertNull(KEYS.inputTraceId("input"));
        assertNull(KEYS.resultTraceId(result));
        assertNull(KEYS.inputWithTraceId("input", "trace"));
    }
}
