package dev.crmgen.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading a batch request's body as HubSpot's JSON binding does: its {@code inputs}, their fields and properties. */
final class BatchInputs {
    private BatchInputs() {}

    /** The ids a batch body names, in order; empty when it has none (faults happen before validation). */
    static List<String> namedIds(Object body) {
        List<String> ids = new ArrayList<>();
        if (body instanceof Map<?, ?> map && map.get("inputs") instanceof List<?> inputs) {
            for (Object input : inputs) {
                if (input instanceof Map<?, ?> in && in.get("id") instanceof String id) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The body's {@code inputs}, each an object, at most {@code maxBatchSize} of them. */
    static List<Map<String, Object>> inputs(Object body, String typeName, int maxBatchSize, String correlationId)
            throws NotesApi.Rejected {
        if (!(body instanceof Map<?, ?> map)) {
            throw new NotesApi.Rejected(Response.validation(
                    "Invalid input JSON on line 1, column 1: Cannot construct instance of " + typeName
                            + ": expected a JSON object",
                    correlationId));
        }
        Object inputs = map.get("inputs");
        if (!(inputs instanceof List<?> list)) {
            throw new NotesApi.Rejected(Response.validation(
                    "Invalid input JSON: Cannot build " + typeName
                            + ", some of required attributes are not set [inputs]",
                    correlationId));
        }
        if (list.size() > maxBatchSize) {
            throw new NotesApi.Rejected(Response.validation(
                    "The maximum number of inputs supported in a batch request is " + maxBatchSize
                            + ". Please reduce the number of items and try again",
                    correlationId));
        }
        List<Map<String, Object>> result = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>)) {
                throw new NotesApi.Rejected(Response.validation(
                        "Invalid input JSON: every element of inputs must be an object", correlationId));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> input = (Map<String, Object>) o;
            result.add(input);
        }
        return result;
    }

    static String requiredString(Map<String, Object> raw, String field, String typeName, String correlationId)
            throws NotesApi.Rejected {
        String value = optionalString(raw, field, correlationId);
        if (value == null) {
            throw new NotesApi.Rejected(Response.validation(
                    "Invalid input JSON: Cannot build " + typeName + ", some of required attributes are not set ["
                            + field + "]",
                    correlationId));
        }
        return value;
    }

    static String optionalString(Map<String, Object> raw, String field, String correlationId) throws NotesApi.Rejected {
        Object value = raw.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal number) {
            // HubSpot's JSON binding coerces numbers to strings for string fields.
            return number.toPlainString();
        }
        throw new NotesApi.Rejected(
                Response.validation("Invalid input JSON: field " + field + " must be a string", correlationId));
    }

    /** An input's {@code properties}: HubSpot coerces scalars to strings and treats null as "clear". */
    static Map<String, String> properties(Map<String, Object> raw, String typeName, String correlationId)
            throws NotesApi.Rejected {
        Object value = raw.get("properties");
        if (!(value instanceof Map<?, ?> map)) {
            throw new NotesApi.Rejected(Response.validation(
                    "Invalid input JSON: Cannot build " + typeName
                            + ", some of required attributes are not set [properties]",
                    correlationId));
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            String s;
            if (v == null) {
                s = "";
            } else if (v instanceof String str) {
                s = str;
            } else if (v instanceof BigDecimal number) {
                s = number.toPlainString();
            } else if (v instanceof Boolean b) {
                s = b.toString();
            } else {
                throw new NotesApi.Rejected(Response.validation(
                        "Invalid input JSON: property " + e.getKey() + " must have a string value", correlationId));
            }
            props.put((String) e.getKey(), s);
        }
        return props;
    }
}
