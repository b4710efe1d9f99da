package dev.crmgen.generator.spec;

import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.diagnostic.Tags;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;

/** Hands a loaded spec to Swagger Parser, with references resolved; its complaints become diagnostics. */
final class SwaggerAdapter {
    /**
     * Swagger Parser's deserializer caches its JSON Schema extensions in a static, unsynchronised map; generations on
     * several threads of one class loader (a parallel Maven build shares the plugin's realm) take turns inside it.
     */
    private static final Object SWAGGER_PARSER = new Object();

    private SwaggerAdapter() {}

    /** The parsed document, or null after reporting why Swagger Parser could not read it. */
    static OpenAPI parse(SpecLoader.Loaded spec, Problems problems) {
        ParseOptions parseOptions = new ParseOptions();
        parseOptions.setResolve(true);
        String location = spec.location() == null ? null : spec.location().toString();
        SwaggerParseResult parsed;
        synchronized (SWAGGER_PARSER) {
            parsed = spec.tree().path("openapi").asText().startsWith("3.0")
                    ? parseOpenApi30(spec, location, parseOptions)
                    : new OpenAPIV3Parser()
                            .readContents(
                                    SpecText.forSwaggerParser(spec.content(), spec.tree()),
                                    null,
                                    parseOptions,
                                    location);
        }
        OpenAPI api = parsed == null ? null : parsed.getOpenAPI();
        List<String> messages = parsed == null || parsed.getMessages() == null ? List.of() : parsed.getMessages();
        if (api == null) {
            problems.error(Tags.SPEC_INVALID, null, "the spec could not be read: " + String.join("; ", messages));
            return null;
        }
        for (String message : messages) {
            problems.warning(
                    Tags.SPEC_WARNING,
                    null,
                    message + " (the spec does not follow OpenAPI 3 here; fix it to silence this)");
        }
        return api;
    }

    /**
     * What {@link OpenAPIV3Parser#readContents} does for OpenAPI 3.0 (deserialize, then resolve references), from the
     * tree already read: the text is not parsed a second time, and OpenAPIV3Parser, whose class initialisation builds
     * a YAML mapper, is never loaded for a JSON spec.
     */
    private static SwaggerParseResult parseOpenApi30(SpecLoader.Loaded spec, String location, ParseOptions options) {
        SwaggerParseResult result;
        try {
            result = new LightDeserializer().deserialize(spec.tree(), location, options, options.isOaiAuthor());
        } catch (RuntimeException e) {
            // As readContents does: a document the deserializer cannot walk is an error message, not a crash.
            return SwaggerParseResult.ofError(e.getMessage());
        }
        if (result.getOpenAPI() != null) {
            try {
                new OpenAPIResolver(result.getOpenAPI(), new ArrayList<>(), location, null, options).resolve(result);
            } catch (RuntimeException e) {
                // Swagger Parser reports a failed resolution as a message and keeps the unresolved document.
                result.getMessages().add(e.getMessage());
            }
        }
        return result;
    }
}
