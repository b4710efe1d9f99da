package dev.crmgen.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads the fragment and HubSpot's published spec, and walks the schemas an operation reaches. */
final class SpecFiles {
    static final String RESOURCE = "notes-batch-update.yaml";
    static final String PATH = "/crm/v3/objects/notes/batch/update";
    static final String SCHEMA_PREFIX = "#/components/schemas/";
    static final String RESPONSE_PREFIX = "#/components/responses/";

    private SpecFiles() {}

    /** The fragment exactly as the jar carries it: a resource at the class-path root. */
    static String fragmentText() {
        try (InputStream in = SpecFiles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path root");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    /** The fragment parsed with refs resolved; fails if the parser could not build a model at all. */
    static OpenAPI fragment() {
        SwaggerParseResult result = parse(fragmentText());
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException(RESOURCE + " did not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /**
     * HubSpot's published notes spec: {@code crmgen.shared} (set by the build) or, when run outside Maven,
     * {@code ../shared} next to the repository root.
     */
    static Path hubSpotNotesSpec() {
        String configured = System.getProperty("crmgen.shared");
        Path shared = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : repositoryRoot().resolve("../shared");
        return shared.resolve("specs/hubspot/notes/notes-v3.json")
                .toAbsolutePath()
                .normalize();
    }

    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return start;
    }

    static OpenAPI hubSpot(Path file) {
        try {
            // HubSpot's file has its own parser warnings (e.g. siblings of $ref); only the model matters here.
            SwaggerParseResult result = parse(Files.readString(file));
            if (result.getOpenAPI() == null) {
                throw new IllegalStateException(file + " did not parse: " + result.getMessages());
            }
            return result.getOpenAPI();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Operation batchUpdate(OpenAPI api) {
        Operation post = api.getPaths().get(PATH).getPost();
        if (post == null) {
            throw new IllegalStateException("no POST " + PATH);
        }
        return post;
    }

    static ApiResponse response(OpenAPI api, ApiResponse response) {
        String ref = response.get$ref();
        if (ref == null) {
            return response;
        }
        ApiResponse target = api.getComponents().getResponses().get(stripPrefix(ref, RESPONSE_PREFIX));
        if (target == null) {
            throw new IllegalStateException("unresolved response " + ref);
        }
        return target;
    }

    static String schemaName(String ref) {
        return stripPrefix(ref, SCHEMA_PREFIX);
    }

    private static String stripPrefix(String ref, String prefix) {
        if (!ref.startsWith(prefix)) {
            throw new IllegalStateException("unsupported $ref " + ref + " (expected " + prefix + "…)");
        }
        return ref.substring(prefix.length());
    }

    /** Names of every component schema the operation reaches, following $refs transitively, in discovery order. */
    static Set<String> reachedSchemas(OpenAPI api, Operation operation) {
        Deque<Schema<?>> pending = new ArrayDeque<>();
        RequestBody body = operation.getRequestBody();
        if (body != null) {
            addContent(body.getContent(), pending);
        }
        for (ApiResponse response : operation.getResponses().values()) {
            addContent(response(api, response).getContent(), pending);
        }
        Set<String> names = new LinkedHashSet<>();
        Map<String, Schema> components = api.getComponents().getSchemas();
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (schema.get$ref() != null) {
                String name = schemaName(schema.get$ref());
                if (names.add(name)) {
                    Schema<?> target = components == null ? null : components.get(name);
                    if (target == null) {
                        throw new IllegalStateException("unresolved schema " + schema.get$ref());
                    }
                    pending.add(target);
                }
                continue;
            }
            children(schema).forEach(pending::add);
        }
        return names;
    }

    private static void addContent(Content content, Deque<Schema<?>> pending) {
        if (content == null) {
            return;
        }
        for (MediaType media : content.values()) {
            if (media.getSchema() != null) {
                pending.add(media.getSchema());
            }
        }
    }

    /** Directly nested schemas: properties, items, additionalProperties and compositions. */
    static List<Schema<?>> children(Schema<?> schema) {
        List<Schema<?>> out = new ArrayList<>();
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(out::add);
        }
        if (schema.getItems() != null) {
            out.add(schema.getItems());
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            out.add(additional);
        }
        for (List<Schema> composed : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (composed != null) {
                composed.forEach(out::add);
            }
        }
        return out;
    }
}
