package dev.crmgen.generator.spec;

import static dev.crmgen.generator.spec.SchemaShapes.isTrue;
import static dev.crmgen.generator.spec.SchemaShapes.scalarOf;
import static dev.crmgen.generator.spec.SchemaShapes.typeName;

import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.diagnostic.Tags;
import dev.crmgen.generator.hubspot.BatchShape;
import dev.crmgen.generator.hubspot.HubSpotOperations;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.Parameter;
import dev.crmgen.generator.model.RequestBody;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.model.TypeRef.Scalar;
import dev.crmgen.generator.naming.JavaNames;
import dev.crmgen.generator.naming.MemberNames;
import dev.crmgen.generator.naming.NameTable;
import dev.crmgen.generator.naming.OperationNames;
import dev.crmgen.generator.naming.UnionNames;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter.StyleEnum;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a spec's operations into the model's: method names from {@code naming}, parameters, request bodies and
 * results, whose schemas {@link SchemaConverter} converts, and HubSpot's batch shape from {@code hubspot}.
 */
@SuppressWarnings("rawtypes") // Swagger Parser's Schema is used raw throughout its own API
final class OperationConverter {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

    private final OpenAPI api;
    private final ComponentRefs refs;
    private final SchemaConverter schemas;
    private final Problems problems;
    private final boolean lenientRefs;

    OperationConverter(
            OpenAPI api, ComponentRefs refs, SchemaConverter schemas, Problems problems, boolean lenientRefs) {
        this.api = api;
        this.refs = refs;
        this.schemas = schemas;
        this.problems = problems;
        this.lenientRefs = lenientRefs;
    }

    /** Every operation of the spec, in spec order. */
    List<Operation> read() {
        if (api.getPaths() == null) {
            return new ArrayList<>();
        }
        List<OperationNames.Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op :
                    path.getValue().readOperationsMap().entrySet()) {
                endpoints.add(new OperationNames.Endpoint(
                        path.getKey(), op.getKey().name(), op.getValue().getOperationId()));
            }
        }
        List<String> names = OperationNames.of(endpoints, api.getPaths().keySet());
        List<Operation> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op :
                    path.getValue().readOperationsMap().entrySet()) {
                out.add(read(path.getKey(), path.getValue(), op.getKey(), op.getValue(), names.get(i++)));
            }
        }
        return out;
    }

    private Operation read(
            String path,
            PathItem item,
            PathItem.HttpMethod method,
            io.swagger.v3.oas.models.Operation op,
            String name) {
        String pointer =
                "#/paths/" + JsonPointer.escape(path) + "/" + method.name().toLowerCase(Locale.ROOT);
        String pascal = JavaNames.capitalize(name);
        NameTable paramNames = MemberNames.operationParameters();
        List<Parameter> parameters = new ArrayList<>();
        Set<String> declaredPath = new HashSet<>();
        List<io.swagger.v3.oas.models.parameters.Parameter> specParams = new ArrayList<>();
        Map<String, String> paramPointers = new HashMap<>();
        Map<String, io.swagger.v3.oas.models.parameters.Parameter> merged = new LinkedHashMap<>();
        if (item.getParameters() != null) {
            for (int i = 0; i < item.getParameters().size(); i++) {
                addParameter(
                        merged,
                        paramPointers,
                        item.getParameters().get(i),
                        "#/paths/" + JsonPointer.escape(path) + "/parameters/" + i);
            }
        }
        if (op.getParameters() != null) {
            for (int i = 0; i < op.getParameters().size(); i++) {
                addParameter(merged, paramPointers, op.getParameters().get(i), pointer + "/parameters/" + i);
            }
        }
        specParams.addAll(merged.values());
        if (lenientRefs) {
            addUndeclaredPathVariables(path, pointer, specParams, paramPointers);
        }
        // Path parameters first, in the order the path names them.
        specParams.sort((a, b) -> Integer.compare(pathOrder(path, a), pathOrder(path, b)));
        for (io.swagger.v3.oas.models.parameters.Parameter p : specParams) {
            String ppointer = paramPointers.get(p.getIn() + ":" + p.getName());
            Parameter.Location location = switch (p.getIn() == null ? "" : p.getIn()) {
                case "path" -> Parameter.Location.PATH;
                case "query" -> Parameter.Location.QUERY;
                case "header" -> Parameter.Location.HEADER;
                default -> null;
            };
            if (location == null) {
                problems.warning(
                        Tags.UNSUPPORTED,
                        ppointer,
                        "parameter '" + p.getName() + "' in '" + p.getIn()
                                + "' is not supported and is left out of the method; set it with a custom transport if"
                                + " needed.");
                continue;
            }
            if (location == Parameter.Location.PATH) {
                declaredPath.add(p.getName());
            }
            if (p.getStyle() == StyleEnum.DEEPOBJECT) {
                problems.warning(
                        Tags.UNSUPPORTED,
                        ppointer,
                        "deepObject parameter '" + p.getName() + "' is sent as its text form.");
            }
            Schema schema = p.getSchema();
            if (schema == null && p.getContent() != null && !p.getContent().isEmpty()) {
                schema = p.getContent().values().iterator().next().getSchema();
            }
            TypeRef type = schemas.typeOf(schema, ppointer + "/schema", pascal + JavaNames.typeName(p.getName()));
            boolean required = location == Parameter.Location.PATH || isTrue(p.getRequired());
            String javaName = paramNames.allocate(JavaNames.memberName(p.getName()));
            parameters.add(new Parameter(
                    p.getName(), javaName, location, type, required, p.getDescription(), isTrue(p.getDeprecated())));
        }
        for (Matcher m = PATH_PARAM.matcher(path); m.find(); ) {
            if (!declaredPath.contains(m.group(1))) {
                problems.error(
                        Tags.MISSING_PATH_PARAM,
                        pointer,
                        "path '" + path + "' names {" + m.group(1)
                                + "} but the operation declares no parameter '" + m.group(1)
                                + "' with 'in: path'; declare it.");
            }
        }
        RequestBody body = readBody(op, pointer, pascal, paramNames);
        Operation.Result result = readResult(op, pointer, pascal, method.name() + " " + path);
        boolean retrySafe = HubSpotOperations.retrySafe(method.name(), path);
        Operation.Batch batch = BatchShape.of(body, result, schemas.types());
        return new Operation(
                op.getOperationId(),
                name,
                method.name(),
                path,
                op.getSummary(),
                op.getDescription(),
                isTrue(op.getDeprecated()),
                retrySafe,
                parameters,
                body,
                result,
                batch,
                pointer);
    }

    /**
     * Lenient mode: a variable of the path template that no parameter declares (some published specs have them) becomes
     * a required {@code String} path parameter, with a warning; in strict mode it stays an error.
     */
    private void addUndeclaredPathVariables(
            String path,
            String pointer,
            List<io.swagger.v3.oas.models.parameters.Parameter> specParams,
            Map<String, String> pointers) {
        for (Matcher m = PATH_PARAM.matcher(path); m.find(); ) {
            String name = m.group(1);
            boolean declared = specParams.stream().anyMatch(p -> "path".equals(p.getIn()) && name.equals(p.getName()));
            if (!declared) {
                specParams.add(new PathParameter().name(name).required(true).schema(new StringSchema()));
                pointers.put("path:" + name, pointer);
                problems.warning(
                        Tags.DEGRADED,
                        pointer,
                        "path '" + path + "' names {" + name + "} but the operation"
                                + " declares no such path parameter, so it is generated as a required String parameter;"
                                + " declare it"
                                + " with 'in: path' to give it a type and a description.");
            }
        }
    }

    private void addParameter(
            Map<String, io.swagger.v3.oas.models.parameters.Parameter> merged,
            Map<String, String> pointers,
            io.swagger.v3.oas.models.parameters.Parameter p,
            String pointer) {
        if (p.get$ref() != null) {
            p = refs.parameter(p.get$ref(), pointer);
            if (p == null) {
                return;
            }
        }
        String key = p.getIn() + ":" + p.getName();
        merged.put(key, p);
        pointers.put(key, pointer);
    }

    private static int pathOrder(String path, io.swagger.v3.oas.models.parameters.Parameter p) {
        if (!"path".equals(p.getIn())) {
            return Integer.MAX_VALUE;
        }
        int at = path.indexOf("{" + p.getName() + "}");
        return at < 0 ? Integer.MAX_VALUE - 1 : at;
    }

    private RequestBody readBody(
            io.swagger.v3.oas.models.Operation op, String pointer, String pascal, NameTable paramNames) {
        io.swagger.v3.oas.models.parameters.RequestBody rb = op.getRequestBody();
        String bpointer = pointer + "/requestBody";
        if (rb == null) {
            return null;
        }
        if (rb.get$ref() != null) {
            rb = refs.requestBody(rb.get$ref(), bpointer);
            if (rb == null) {
                return null;
            }
        }
        Map.Entry<String, MediaType> media = pickMedia(rb.getContent());
        if (media == null) {
            problems.warning(Tags.UNSUPPORTED, bpointer, "request body without content is left out of the method.");
            return null;
        }
        boolean required = isTrue(rb.getRequired());
        if (media.getKey().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            List<RequestBody.Part> parts = multipartParts(media.getValue().getSchema(), paramNames);
            if (!parts.isEmpty()) {
                return new RequestBody(null, null, "multipart/form-data", required, rb.getDescription(), parts);
            }
        }
        String javaName = paramNames.allocate("body");
        String form = "application/x-www-form-urlencoded";
        if (media.getKey().equalsIgnoreCase(form) && media.getValue().getSchema() != null) {
            TypeRef type = schemas.typeOf(
                    media.getValue().getSchema(),
                    bpointer + "/content/" + JsonPointer.escape(media.getKey()) + "/schema",
                    pascal + "Request");
            if (isFormRecord(type)) {
                return new RequestBody(javaName, type, form, required, rb.getDescription());
            }
        }
        if (!isJson(media.getKey())) {
            if (media.getKey().startsWith("multipart/") || media.getKey().equalsIgnoreCase(form)) {
                problems.warning(
                        Tags.DEGRADED,
                        bpointer,
                        "this '" + media.getKey()
                                + "' body is sent as raw bytes the caller encodes"
                                + (media.getKey().startsWith("multipart/form-data") ? " (with MultipartBody)" : "")
                                + ": only objects whose properties are all files (format: binary) or scalars become typed"
                                + " parameters.");
            }
            return new RequestBody(javaName, null, media.getKey(), required, rb.getDescription());
        }
        String mpointer = bpointer + "/content/" + JsonPointer.escape(media.getKey()) + "/schema";
        TypeRef type = schemas.typeOf(media.getValue().getSchema(), mpointer, pascal + "Request");
        return new RequestBody(javaName, type, "application/json", required, rb.getDescription());
    }

    /**
     * The fields of a multipart object schema whose properties are all files ({@code format: binary}) or scalars; empty
     * when the schema is anything else, so the body stays raw bytes.
     */
    private List<RequestBody.Part> multipartParts(Schema schema, NameTable paramNames) {
        if (schema != null && schema.get$ref() != null && refs.schemaName(schema.get$ref()) != null) {
            schema = refs.schema(schema.get$ref());
        }
        if (schema == null
                || schema.getProperties() == null
                || schema.getProperties().isEmpty()
                || (schema.getAllOf() != null || schema.getOneOf() != null || schema.getAnyOf() != null)) {
            return List.of();
        }
        List<String> requiredNames = schema.getRequired() == null ? List.of() : schema.getRequired();
        List<Schema> properties = new ArrayList<>();
        for (Object value : schema.getProperties().values()) {
            Schema p = (Schema) value;
            boolean file = "string".equals(typeName(p)) && "binary".equals(p.getFormat());
            if (p.get$ref() != null || (!file && (scalarOf(p) == Scalar.JSON_VALUE || p.getEnum() != null))) {
                return List.of();
            }
            properties.add(p);
        }
        List<RequestBody.Part> parts = new ArrayList<>();
        int i = 0;
        for (Object key : schema.getProperties().keySet()) {
            String name = (String) key;
            Schema p = properties.get(i++);
            boolean file = "binary".equals(p.getFormat());
            String javaName = paramNames.allocate(JavaNames.memberName(name));
            parts.add(new RequestBody.Part(
                    name,
                    javaName,
                    file ? null : TypeRef.scalar(scalarOf(p)),
                    requiredNames.contains(name),
                    p.getDescription()));
        }
        return parts;
    }

    /** A record of scalars, enums and lists of those: what a form body can carry. */
    private boolean isFormRecord(TypeRef type) {
        if (!(type instanceof TypeRef.NamedRef named)
                || !(schemas.types().get(named.javaName()) instanceof TypeDecl.RecordDecl record)) {
            return false;
        }
        for (Field f : record.fields()) {
            if (!isFormValue(f.type()) && !(f.type() instanceof TypeRef.ListRef list && isFormValue(list.element()))) {
                return false;
            }
        }
        return true;
    }

    private boolean isFormValue(TypeRef type) {
        return (type instanceof TypeRef.ScalarRef s && s.scalar() != Scalar.JSON_VALUE && s.scalar() != Scalar.BINARY)
                || (type instanceof TypeRef.NamedRef n
                        && schemas.types().get(n.javaName()) instanceof TypeDecl.EnumDecl);
    }

    private static Map.Entry<String, MediaType> pickMedia(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, MediaType> e : content.entrySet()) {
            if (isJson(e.getKey())) {
                return e;
            }
        }
        return content.entrySet().iterator().next();
    }

    private static boolean isJson(String mediaType) {
        String m = mediaType.toLowerCase(Locale.ROOT);
        return m.equals("application/json")
                || m.startsWith("application/json;")
                || m.equals("*/*")
                || m.endsWith("+json")
                || m.equals("application/*");
    }

    /** @param trace such as {@code POST /crm/v3/objects/notes/batch/update}, for the union's javadoc */
    private Operation.Result readResult(
            io.swagger.v3.oas.models.Operation op, String pointer, String pascal, String trace) {
        TreeMap<Integer, TypeRef> bodies = new TreeMap<>();
        TreeMap<Integer, String> descriptions = new TreeMap<>();
        List<Integer> empty = new ArrayList<>();
        if (op.getResponses() != null) {
            for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
                int status;
                try {
                    status = Integer.parseInt(e.getKey());
                } catch (NumberFormatException notNumeric) {
                    continue; // "default" and ranges describe errors, which the runtime maps to exceptions
                }
                if (status < 200 || status > 299) {
                    continue;
                }
                String rpointer = pointer + "/responses/" + e.getKey();
                ApiResponse response = e.getValue();
                if (response.get$ref() != null) {
                    response = refs.response(response.get$ref(), rpointer);
                    if (response == null) {
                        continue;
                    }
                }
                descriptions.put(status, response.getDescription());
                Map.Entry<String, MediaType> media = pickMedia(response.getContent());
                if (media == null || (isJson(media.getKey()) && media.getValue().getSchema() == null)) {
                    empty.add(status);
                } else if (!isJson(media.getKey())) {
                    bodies.put(status, TypeRef.scalar(Scalar.BINARY));
                } else {
                    String hint = pascal + "Response" + (status == 200 ? "" : String.valueOf(status));
                    String schemaPointer = rpointer + "/content/" + JsonPointer.escape(media.getKey()) + "/schema";
                    bodies.put(status, schemas.typeOf(media.getValue().getSchema(), schemaPointer, hint));
                }
            }
        }
        if (bodies.isEmpty()) {
            if (empty.isEmpty()) {
                problems.warning(
                        Tags.NO_SUCCESS_RESPONSE,
                        pointer + "/responses",
                        "no 2xx response is declared; the "
                                + "method accepts 200, 201, 202 and 204 and ignores any body. Declare the success responses"
                                + " to get typed results.");
                empty = List.of(200, 201, 202, 204);
            }
            return new Operation.Result.Empty(empty);
        }
        Set<TypeRef> distinct = new LinkedHashSet<>(bodies.values());
        if (distinct.size() == 1) {
            return new Operation.Result.Single(distinct.iterator().next(), List.copyOf(bodies.keySet()), empty);
        }
        String unionName = schemas.allocateTypeName(pascal + "Response");
        List<TypeDecl.Variant> variants = new ArrayList<>();
        TreeMap<Integer, TypeRef> all = new TreeMap<>(bodies);
        empty.forEach(s -> all.put(s, null));
        NameTable variantNames = new NameTable(false);
        variantNames.reserve(unionName);
        for (Map.Entry<Integer, TypeRef> v : all.entrySet()) {
            String variantName = variantNames.allocate(UnionNames.statusVariant(v.getKey()));
            variants.add(new TypeDecl.Variant(v.getKey(), variantName, v.getValue(), descriptions.get(v.getKey())));
        }
        schemas.addResponseUnion(
                new TypeDecl.ResponseUnionDecl(unionName, pointer + "/responses", trace, false, variants));
        return new Operation.Result.Union(unionName);
    }
}
