package dev.crmgen.generator.spec;

import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.diagnostic.Tags;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;

/** Hands a loaded spec to Swagger Parser, with references resolved; its complaints become diagnostics. */
final class SwaggerAdapter {
    private SwaggerAdapter() {}

    /** The parsed document, or null after reporting why Swagger Parser could not read it. */
    static OpenAPI parse(SpecLoader.Loaded spec, Problems problems) {
        ParseOptions parseOptions = new ParseOptions();
        parseOptions.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser()
                .readContents(
                        SpecText.forSwaggerParser(spec.content(), spec.tree()),
                        null,
                        parseOptions,
                        spec.location() == null ? null : spec.location().toString());
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
}
