package dev.crmgen.runtime.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a batch response's {@code errors} (HubSpot's {@code StandardError}), independent of the generated
 * type. {@link BatchExecutor} maps it to inputs by {@code context.ids} / {@code context.id} and
 * {@code context.objectWriteTraceId}; its own {@code id} identifies the error instance, not an input.
 *
 * @param status HubSpot's status text (such as {@code error}); may be null
 * @param category such as {@code OBJECT_NOT_FOUND}; may be null
 * @param subCategory a finer category; may be null
 * @param message the human-readable message; may be null
 * @param context facts such as {@code ids}; never null
 * @param id the error instance's own id (HubSpot: "a unique ID for the error instance"), never an input id; may be
 *           null
 * @param source the generated error object this was made from (for callers that want every field); may be null
 */
public record BatchError(
        String status,
        String category,
        String subCategory,
        String message,
        Map<String, List<String>> context,
        String id,
        Object source) {
    /** Copies the context, unmodifiable (null means empty). */
    public BatchError {
        if (context == null) {
            context = Map.of();
        } else {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            context.forEach((k, v) ->
                    copy.put(k, v == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(v))));
            context = Collections.unmodifiableMap(copy);
        }
    }

    /** The ids this error names: {@code context.ids} and {@code context.id}. */
    public List<String> ids() {
        List<String> ids = context.get("ids");
        List<String> id = context.get("id");
        if (id == null || id.isEmpty()) {
            return ids == null ? List.of() : ids;
        }
        if (ids == null || ids.isEmpty()) {
            return id;
        }
        List<String> all = new java.util.ArrayList<>(ids);
        all.addAll(id);
        return all;
    }

    /** The trace ids this error names: {@code context.objectWriteTraceId} and {@code context.objectWriteTraceIds}. */
    public List<String> traceIds() {
        List<String> one = context.getOrDefault("objectWriteTraceId", List.of());
        List<String> many = context.getOrDefault("objectWriteTraceIds", List.of());
        if (many.isEmpty()) {
            return one;
        }
        List<String> all = new java.util.ArrayList<>(one);
        all.addAll(many);
        return all;
    }

    @Override
    public String toString() {
        return "BatchError[" + category + ": " + message + (context.isEmpty() ? "" : " " + context) + "]";
    }
}
