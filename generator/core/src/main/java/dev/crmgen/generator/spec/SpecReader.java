package dev.crmgen.generator.spec;

import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.generator.diagnostic.Diagnostic.Input;
import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.diagnostic.Tags;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.naming.JavaNames;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an OpenAPI 3 spec into the generation model: loads it ({@link SpecLoader}), parses it ({@link SwaggerAdapter}),
 * checks the options, then converts schemas ({@link SchemaConverter}) and operations ({@link OperationConverter}).
 * Only this package sees Swagger Parser; every problem becomes a diagnostic in {@link Problems}, none is thrown.
 */
public final class SpecReader {
    private SpecReader() {}

    /** The model, or null when the spec has errors (all of them are in {@code problems}). */
    public record Result(ApiModel model, List<Path> inputFiles) {}

    public static Result read(SpecSource source, GeneratorOptions options, Problems problems) {
        SpecLoader loader = new SpecLoader(problems);
        ApiModel model = read(loader, source, options, problems);
        return new Result(problems.hasErrors() ? null : model, loader.inputFiles());
    }

    private static ApiModel read(SpecLoader loader, SpecSource source, GeneratorOptions options, Problems problems) {
        SpecLoader.Loaded loaded = loader.load(source);
        OpenAPI api = loaded == null ? null : SwaggerAdapter.parse(loaded, problems);
        if (api == null) {
            return null;
        }
        ComponentRefs refs = new ComponentRefs(api, problems);
        String title = api.getInfo() == null ? null : api.getInfo().getTitle();
        String clientName = clientName(options, title, refs, problems);
        if (clientName == null) {
            return null;
        }
        SchemaConverter schemas = new SchemaConverter(refs, problems, options.lenientRefs());
        schemas.declareComponents(clientName);
        List<Operation> operations = new OperationConverter(api, refs, schemas, problems, options.lenientRefs()).read();
        String description = api.getInfo() == null ? null : api.getInfo().getDescription();
        return new ApiModel(
                problems.specName(),
                options.packageName(),
                clientName,
                title,
                description,
                schemas.types(),
                operations);
    }

    /** The client's name, after checking the package name too; null when the name is unusable. */
    private static String clientName(GeneratorOptions options, String title, ComponentRefs refs, Problems problems) {
        String explicit = options.clientName();
        if (!JavaNames.isPackageName(options.packageName())) {
            problems.error(
                    Input.PACKAGE_NAME,
                    Tags.INVALID_PACKAGE,
                    null,
                    "'" + options.packageName()
                            + "' is not a valid Java package name; use dot-separated identifiers such as"
                            + " com.acme.hubspot.notes.");
        }
        if (explicit != null && !JavaNames.isTypeName(explicit)) {
            problems.error(
                    Input.CLIENT_NAME,
                    Tags.INVALID_CLIENT_NAME,
                    null,
                    "clientName '" + explicit
                            + "' is not a usable Java class name; use an identifier such as NotesClient.");
            return null;
        }
        String name = explicit != null ? explicit : JavaNames.clientName(title);
        // Only an explicit name is the user's to change; a derived one comes from the spec's title.
        Input blamed = explicit != null ? Input.CLIENT_NAME : Input.SPEC;
        refs.schemas().forEach((component, schema) -> {
            if (SchemaShapes.declaresType(schema)
                    && JavaNames.typeName(component).equalsIgnoreCase(name)) {
                problems.error(
                        blamed,
                        Tags.NAME_COLLISION,
                        ComponentRefs.schemaPointer(component),
                        "the client class "
                                + name + " has the same name as the type generated for schema '" + component
                                + "'; set clientName in @GenerateClient to another name, such as " + name + "Api.");
            }
        });
        return name;
    }
}
