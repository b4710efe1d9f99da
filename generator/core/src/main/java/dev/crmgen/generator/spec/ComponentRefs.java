package dev.crmgen.generator.spec;

import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.diagnostic.Tags;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Local {@code $ref}s to a spec's components ({@code #/components/schemas/Note}) and the pointers that name
 * components: the one place that reads a reference.
 */
@SuppressWarnings("rawtypes") // Swagger Parser's Schema is used raw throughout its own API
final class ComponentRefs {
    private static final String COMPONENTS = "#/components/";
    private static final String SCHEMAS = "schemas";

    private final Components components;
    private final Map<String, Schema> schemas;
    private final Problems problems;

    ComponentRefs(OpenAPI api, Problems problems) {
        this.components = api.getComponents();
        this.schemas = components == null || components.getSchemas() == null
                ? Map.of()
                : new LinkedHashMap<>(components.getSchemas());
        this.problems = problems;
    }

    /** The component schemas by name, in spec order. */
    Map<String, Schema> schemas() {
        return schemas;
    }

    /** The name of the component schema {@code ref} points at, or null when it points anywhere else. */
    String schemaName(String ref) {
        return name(ref, SCHEMAS);
    }

    /** The component schema {@code ref} points at, or null when it points anywhere else or at nothing. */
    Schema schema(String ref) {
        String name = schemaName(ref);
        return name == null ? null : schemas.get(name);
    }

    /** {@code #/components/schemas/Note}: the pointer of a component schema and the {@code $ref} that names it. */
    static String schemaPointer(String component) {
        return COMPONENTS + SCHEMAS + "/" + JsonPointer.escape(component);
    }

    /** The parameter {@code ref} points at, or null after reporting at {@code pointer} that it does not resolve. */
    Parameter parameter(String ref, String pointer) {
        return resolve(ref, "parameters", Components::getParameters, pointer);
    }

    /** The request body {@code ref} points at, or null after reporting at {@code pointer} that it does not resolve. */
    RequestBody requestBody(String ref, String pointer) {
        return resolve(ref, "requestBodies", Components::getRequestBodies, pointer);
    }

    /** The response {@code ref} points at, or null after reporting at {@code pointer} that it does not resolve. */
    ApiResponse response(String ref, String pointer) {
        return resolve(ref, "responses", Components::getResponses, pointer);
    }

    private <T> T resolve(String ref, String section, Function<Components, Map<String, T>> defined, String pointer) {
        String name = name(ref, section);
        Map<String, T> candidates = components == null ? null : defined.apply(components);
        T target = name == null || candidates == null ? null : candidates.get(name);
        if (target == null) {
            problems.error(
                    Tags.UNRESOLVED_REF,
                    pointer,
                    "$ref '" + ref + "' does not resolve; define it under components/" + section + ".");
        }
        return target;
    }

    private static String name(String ref, String section) {
        String prefix = COMPONENTS + section + "/";
        return ref.startsWith(prefix) ? JsonPointer.unescape(ref.substring(prefix.length())) : null;
    }
}
