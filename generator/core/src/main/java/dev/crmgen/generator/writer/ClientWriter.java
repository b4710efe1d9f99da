package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.Parameter;
import dev.crmgen.generator.model.RequestBody;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.naming.JavaNames;
import dev.crmgen.generator.naming.MemberNames;
import dev.crmgen.generator.naming.NameTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes the client: per operation a blocking and an {@code …Async} method, each one statement over the runtime's
 * {@code ApiInvoker}, plus {@code …All} methods that hand any number of batch inputs to the runtime's batch executor.
 */
final class ClientWriter {
    private static final Map<String, String> BATCH_ERROR_FIELDS = Map.of(
            "status", "status", "category", "category", "subCategory", "subCategory", "message", "message", "id", "id");

    /**
     * Operations whose static members (request builders, response mappers, batch keys) share one class. The JVM caps
     * a method, the static initialiser included, at 64 KiB of bytecode and a class at 65,535 constants; a few hundred
     * operations stay far below both, so larger APIs get those members in nested holders of this many operations.
     */
    static final int OPERATIONS_PER_HOLDER = 250;

    private final Poet poet;
    private final ClassName client;
    private final NameTable members = new NameTable(false);
    /** Per holder, its operations' static members; empty when the client holds them itself. */
    private final List<TypeSpec.Builder> holders = new ArrayList<>();
    private final List<String> holderNames = new ArrayList<>();
    /** The index of the operation being written, which decides the holder of its constants. */
    private int operationIndex;
    /** Error record → its conversion method, written once each. */
    private final Map<String, MethodSpec> errorConverters = new TreeMap<>();

    ClientWriter(Poet poet) {
        this.poet = poet;
        this.client = poet.className(poet.model().clientName());
        members.reserve(MemberNames.INVOKER);
        for (Operation op : poet.model().operations()) {
            MemberNames.clientMethods(op.methodName()).forEach(members::reserve);
        }
        int operations = poet.model().operations().size();
        if (operations > OPERATIONS_PER_HOLDER) {
            for (int first = 0; first < operations; first += OPERATIONS_PER_HOLDER) {
                int last = Math.min(first + OPERATIONS_PER_HOLDER, operations);
                String name = members.allocate("Operations" + (first / OPERATIONS_PER_HOLDER + 1));
                holderNames.add(name);
                holders.add(TypeSpec.classBuilder(name)
                        .addJavadoc("Request builders and constants of operations $L to $L, initialised on first use; "
                                + "grouped so that\nneither the client nor any class initialiser outgrows the JVM's "
                                + "limits.\n", first + 1, last)
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build()));
            }
        }
    }

    GeneratedFile write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(client).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        addJavadoc(type);
        type.addField(Runtime.API_INVOKER, "invoker", Modifier.PRIVATE, Modifier.FINAL);
        // Constructors rather than a static factory: HubSpot names operations create, get, update…, and a factory
        // would share its name with one of them.
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("A client with its own {@code ApiInvoker} built from {@code options}.\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Runtime.CLIENT_OPTIONS, "options")
                .addStatement("this($T.create(options))", Runtime.API_INVOKER)
                .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("A client over {@code invoker}, which carries the base URL, authentication, retries and rate limits;\n"
                        + "clients of several APIs may share one.\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Runtime.API_INVOKER, "invoker")
                .addStatement("this.invoker = $T.requireNonNull(invoker, $S)", Objects.class, "invoker")
                .build());
        for (Operation op : poet.model().operations()) {
            addOperation(type, op);
            operationIndex++;
        }
        errorConverters.values().forEach(type::addMethod);
        formEncoders.values().forEach(type::addMethod);
        holders.forEach(holder -> type.addType(holder.build()));
        return poet.file(type, client.simpleName());
    }

    private void addJavadoc(TypeSpec.Builder type) {
        String title = poet.model().title();
        type.addJavadoc("The $L API.\n", Poet.doc(title == null ? poet.model().specName() : title));
        CodeBlock description = Poet.docBlock(poet.model().description());
        if (!description.isEmpty()) {
            type.addJavadoc("\n<p>").addJavadoc(description);
        }
        type.addJavadoc("\n<p>Create one with {@code new $L(ClientOptions.fromEnvironment())}; it is thread-safe.\n",
                client.simpleName());
    }

    // ---- one operation ----

    private TypeName resultType(Operation op) {
        if (op.result() instanceof Operation.Result.Empty) {
            return TypeName.VOID;
        }
        if (op.result() instanceof Operation.Result.Single single) {
            return poet.boxed(single.type());
        }
        return poet.className(((Operation.Result.Union) op.result()).unionName());
    }

    private void addOperation(TypeSpec.Builder type, Operation op) {
        String base = op.methodName();
        String requestMethod = members.allocate(base + "Request");
        CodeBlock request = reference(requestMethod);
        TypeName result = resultType(op);
        TypeName boxedResult = result == TypeName.VOID ? ClassName.get(Void.class) : result.box();
        List<ParameterSpec> params = parameters(op);
        String args = String.join(", ", params.stream().map(ParameterSpec::name).toList());

        CodeBlock mapper = addConstant(type, ParameterizedTypeName.get(Runtime.RESPONSE_MAPPER, boxedResult),
                JavaNames.constantName(base) + "_RESPONSE", mapper(op, boxedResult));

        MethodSpec.Builder blocking = MethodSpec.methodBuilder(base)
                .addModifiers(Modifier.PUBLIC)
                .returns(result)
                .addParameters(params)
                .addJavadoc(methodDoc(op, params, false));
        if (result == TypeName.VOID) {
            blocking.addStatement("invoker.invoke($L($L), $L)", request, args, mapper);
        } else {
            blocking.addStatement("return invoker.invoke($L($L), $L)", request, args, mapper);
        }
        MethodSpec.Builder async = MethodSpec.methodBuilder(MemberNames.async(base))
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), boxedResult))
                .addParameters(params)
                .addJavadoc(methodDoc(op, params, true))
                .addStatement("return invoker.invokeAsync($L($L), $L)", request, args, mapper);
        if (op.deprecated()) {
            blocking.addAnnotation(Deprecated.class);
            async.addAnnotation(Deprecated.class);
        }
        type.addMethod(blocking.build());
        type.addMethod(async.build());
        home(type).addMethod(requestBuilder(op, requestMethod, params));
        if (op.batch() != null) {
            addBatchAll(type, op);
        }
    }

    /**
     * Declares a per-operation constant where the operation's static members live (see {@link #home}) and returns
     * how the client's methods refer to it.
     */
    private CodeBlock addConstant(TypeSpec.Builder type, TypeName fieldType, String wantedName, CodeBlock initializer) {
        String name = members.allocate(wantedName);
        home(type).addField(FieldSpec.builder(fieldType, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(initializer)
                .build());
        return reference(name);
    }

    /** The class that holds the current operation's static members: the client, or its holder in a large API. */
    private TypeSpec.Builder home(TypeSpec.Builder type) {
        return holders.isEmpty() ? type : holders.get(operationIndex / OPERATIONS_PER_HOLDER);
    }

    /** How the client's methods refer to the current operation's static member {@code name}. */
    private CodeBlock reference(String name) {
        return holders.isEmpty() ? CodeBlock.of("$L", name)
                : CodeBlock.of("$L.$L", holderNames.get(operationIndex / OPERATIONS_PER_HOLDER), name);
    }

    private List<ParameterSpec> parameters(Operation op) {
        List<ParameterSpec> out = new java.util.ArrayList<>();
        for (Parameter p : op.parameters()) {
            if (p.in() == Parameter.Location.PATH) {
                out.add(param(p));
            }
        }
        if (op.body() != null && op.body().isMultipart()) {
            for (RequestBody.Part part : op.body().parts()) {
                out.add(ParameterSpec.builder(part.isFile() ? Runtime.UPLOAD : poet.boxed(part.type()), part.javaName()).build());
            }
        } else if (op.body() != null) {
            TypeName t = op.body().type() == null ? poet.boxed(TypeRef.scalar(TypeRef.Scalar.BINARY)) : poet.boxed(op.body().type());
            out.add(ParameterSpec.builder(t, op.body().javaName()).build());
        }
        for (Parameter p : op.parameters()) {
            if (p.in() != Parameter.Location.PATH) {
                out.add(param(p));
            }
        }
        return out;
    }

    private ParameterSpec param(Parameter p) {
        TypeName t = poet.boxed(p.type());
        if (p.type() instanceof TypeRef.ListRef list) {
            // Query arrays accept any collection; the runtime repeats the parameter per element.
            t = ParameterizedTypeName.get(ClassName.get(Collection.class), poet.boxed(list.element()));
        }
        return ParameterSpec.builder(t, p.javaName()).build();
    }

    private CodeBlock methodDoc(Operation op, List<ParameterSpec> params, boolean async) {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (async) {
            doc.add("Asynchronous form of {@link #$L}: the future completes with the result or the runtime's exception.\n\n<p>",
                    op.methodName());
        }
        CodeBlock text = Poet.docBlock(op.summary(), op.description());
        doc.add(text);
        if (!text.isEmpty()) {
            doc.add("\n<p>");
        }
        doc.add("{@code $L $L}\n", op.httpMethod(), Poet.doc(op.path()));
        if (!params.isEmpty()) {
            doc.add("\n");
        }
        int i = 0;
        for (Parameter p : op.parameters()) {
            if (p.in() == Parameter.Location.PATH) {
                doc.add(paramDoc(params.get(i++).name(), p.description(), p.name(), true));
            }
        }
        if (op.body() != null && op.body().isMultipart()) {
            for (RequestBody.Part part : op.body().parts()) {
                doc.add(paramDoc(params.get(i++).name(), part.description(), part.name(), part.required()));
            }
        } else if (op.body() != null) {
            String bodyDoc = Poet.doc(op.body().description());
            doc.add("@param $L $L\n", params.get(i++).name(), bodyDoc.isEmpty() ? "the request body" : bodyDoc);
        }
        for (Parameter p : op.parameters()) {
            if (p.in() != Parameter.Location.PATH) {
                doc.add(paramDoc(params.get(i++).name(), p.description(), p.name(), p.required()));
            }
        }
        if (op.result() instanceof Operation.Result.Union union) {
            doc.add("@return one record per success status; check for the partial-failure ones\n");
        } else if (op.result() instanceof Operation.Result.Single single && !single.emptyStatuses().isEmpty()) {
            doc.add("@return the response body, or null for status $L\n", single.emptyStatuses().get(0));
        } else if (op.result() instanceof Operation.Result.Single) {
            doc.add("@return the response body\n");
        }
        return doc.build();
    }

    private static CodeBlock paramDoc(String javaName, String description, String wireName, boolean required) {
        String text = Poet.doc(description);
        if (text.isEmpty()) {
            text = "{@code " + Poet.doc(wireName) + "}";
        }
        return CodeBlock.of("@param $L $L$L\n", javaName, text, required ? "" : " (null to leave out)");
    }

    private MethodSpec requestBuilder(Operation op, String name, List<ParameterSpec> params) {
        CodeBlock.Builder chain = CodeBlock.builder()
                .add("return $T.builder($S, $S)\n", Runtime.API_REQUEST, op.httpMethod(), op.path())
                .indent().indent();
        if (op.operationId() != null) {
            chain.add(".operationId($S)\n", op.operationId());
        }
        int i = 0;
        for (Parameter p : op.parameters()) {
            if (p.in() == Parameter.Location.PATH) {
                chain.add(".pathParam($S, $L)\n", p.name(), params.get(i++).name());
            }
        }
        if (op.body() != null && op.body().isMultipart()) {
            chain.add(".multipartBody($T.builder()\n", Runtime.MULTIPART_BODY).indent().indent();
            for (RequestBody.Part part : op.body().parts()) {
                chain.add(".$L($S, $L)\n", part.isFile() ? "file" : "text", part.name(), params.get(i++).name());
            }
            chain.add(".build())\n").unindent().unindent();
        } else if (op.body() != null) {
            String body = params.get(i++).name();
            if (op.body().type() == null) {
                chain.add(".rawBody($L, $S)\n", body, op.body().mediaType());
            } else if (!op.body().mediaType().equals("application/json")) {
                chain.add(".rawBody($L($L), $S)\n", formEncoder(op.body().type()), body, op.body().mediaType());
            } else {
                chain.add(".jsonBody($L, $L)\n", body, codec(op.body().type()));
            }
        }
        for (Parameter p : op.parameters()) {
            if (p.in() == Parameter.Location.QUERY) {
                chain.add(".queryParam($S, $L)\n", p.name(), params.get(i++).name());
            } else if (p.in() == Parameter.Location.HEADER) {
                chain.add(".header($S, $L)\n", p.name(), params.get(i++).name());
            }
        }
        chain.add(".retrySafe($L)\n", op.retrySafe());
        chain.add(".build();\n").unindent().unindent();
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Runtime.API_REQUEST)
                .addParameters(params)
                .addCode(chain.build())
                .build();
    }

    /** Form encoders by record name, written once each. */
    private final Map<String, MethodSpec> formEncoders = new TreeMap<>();

    /** A method writing a record of scalars as {@code application/x-www-form-urlencoded}, absent fields left out. */
    private String formEncoder(TypeRef type) {
        String recordName = ((TypeRef.NamedRef) type).javaName();
        String name = "formOf";
        if (formEncoders.containsKey(recordName)) {
            return name;
        }
        TypeDecl.RecordDecl record = (TypeDecl.RecordDecl) poet.model().type(recordName);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE))
                .addParameter(poet.className(recordName), "body")
                .addStatement("$T form = new $T($S)", java.util.StringJoiner.class, java.util.StringJoiner.class, "&");
        for (Field f : record.fields()) {
            boolean list = f.type() instanceof TypeRef.ListRef;
            CodeBlock value = list ? CodeBlock.of("value") : CodeBlock.of("body.$L()", f.javaName());
            CodeBlock add = CodeBlock.of("form.add($S + $T.encode($T.valueOf($L), $T.UTF_8))", encodedKey(f.jsonName()),
                    java.net.URLEncoder.class, String.class, value, java.nio.charset.StandardCharsets.class);
            boolean nullable = list || !f.required() || !Poet.isPrimitiveCapable(f.type());
            if (nullable) {
                m.beginControlFlow("if (body.$L() != null)", f.javaName());
            }
            if (list) {
                m.beginControlFlow("for ($T value : body.$L())", poet.boxed(((TypeRef.ListRef) f.type()).element()), f.javaName())
                        .addStatement(add)
                        .endControlFlow();
            } else {
                m.addStatement(add);
            }
            if (nullable) {
                m.endControlFlow();
            }
        }
        m.addStatement("return form.toString().getBytes($T.UTF_8)", java.nio.charset.StandardCharsets.class);
        formEncoders.put(recordName, m.build());
        return name;
    }

    /** The encoded key of a form pair, {@code key=}, computed now since keys are constants. */
    private static String encodedKey(String key) {
        return java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8) + "=";
    }

    /** The codec expression for a body type. */
    private CodeBlock codec(TypeRef type) {
        if (type instanceof TypeRef.ScalarRef s) {
            return CodeBlock.of("$T.$L", Runtime.JSON_CODECS, s.scalar().name());
        }
        if (type instanceof TypeRef.ListRef l) {
            return CodeBlock.of("$T.listAllowingNulls($L)", Runtime.JSON_CODECS, codec(l.element()));
        }
        if (type instanceof TypeRef.MapRef m) {
            return CodeBlock.of("$T.mapOf($L)", Runtime.JSON_CODECS, codec(m.value()));
        }
        return CodeBlock.of("$T.jsonCodec()", poet.className(((TypeRef.NamedRef) type).javaName()));
    }

    private CodeBlock mapper(Operation op, TypeName boxedResult) {
        CodeBlock.Builder b = CodeBlock.builder().add("$T.<$T>builder()", Runtime.RESPONSE_MAPPER, boxedResult).indent().indent();
        if (op.result() instanceof Operation.Result.Empty empty) {
            empty.statuses().forEach(s -> b.add("\n.empty($L, () -> null)", s));
        } else if (op.result() instanceof Operation.Result.Single single) {
            for (int s : single.statuses()) {
                b.add(single.type().equals(TypeRef.scalar(TypeRef.Scalar.BINARY))
                        ? CodeBlock.of("\n.bytes($L, $T.identity())", s, Function.class)
                        : CodeBlock.of("\n.json($L, $L, $T.identity())", s, codec(single.type()), Function.class));
            }
            single.emptyStatuses().forEach(s -> b.add("\n.empty($L, () -> null)", s));
        } else {
            TypeDecl.ResponseUnionDecl union = union(op);
            for (TypeDecl.Variant v : union.variants()) {
                CodeBlock ctor = UnionWriter.constructorRef(poet, union, v);
                if (v.body() == null) {
                    b.add("\n.empty($L, $L)", v.status(), ctor);
                } else if (UnionWriter.isJson(v)) {
                    b.add("\n.jsonWithDeviations($L, $L, $L)", v.status(), codec(v.body()), ctor);
                } else {
                    b.add("\n.bytes($L, $L)", v.status(), ctor);
                }
            }
        }
        return b.add("\n.build()").unindent().unindent().build();
    }

    private TypeDecl.ResponseUnionDecl union(Operation op) {
        return (TypeDecl.ResponseUnionDecl) poet.model().type(((Operation.Result.Union) op.result()).unionName());
    }

    // ---- batch ----

    private void addBatchAll(TypeSpec.Builder type, Operation op) {
        Operation.Batch batch = op.batch();
        ClassName input = poet.className(batch.inputType());
        ClassName output = poet.className(batch.resultType());
        ClassName request = poet.className(batch.requestType());
        TypeDecl.RecordDecl requestDecl = (TypeDecl.RecordDecl) poet.model().type(batch.requestType());
        TypeName report = ParameterizedTypeName.get(Runtime.BATCH_REPORT, input, output);
        TypeName inputs = ParameterizedTypeName.get(ClassName.get(Collection.class), input);
        String toResponse = members.allocate(op.methodName() + "BatchResponse");
        boolean onlyInputs = requestDecl.fields().size() == 1;

        CodeBlock keys = addConstant(type, ParameterizedTypeName.get(Runtime.BATCH_KEYS, input, output),
                JavaNames.constantName(op.methodName()) + "_KEYS", keys(input, output, batch));

        // The request for one chunk: the caller's other request fields with this chunk as inputs.
        CodeBlock chunkRequest = onlyInputs
                ? CodeBlock.of("new $T(chunk)", request)
                : CodeBlock.of("new $T($L)", request, String.join(", ", requestDecl.fields().stream()
                        .map(f -> f.jsonName().equals("inputs") ? "chunk" : "request." + f.javaName() + "()").toList()));
        List<ParameterSpec> params = parameters(op);
        String bodyName = op.body().javaName();
        CodeBlock callArgs = CodeBlock.join(params.stream()
                .map(p -> p.name().equals(bodyName) ? chunkRequest : CodeBlock.of("$L", p.name())).toList(), ", ");
        List<ParameterSpec> leading = params.stream().filter(p -> !p.name().equals(bodyName)).toList();

        String inputsName = onlyInputs ? "inputs" : "request";
        TypeName inputsType = onlyInputs ? inputs : request;
        CodeBlock source = onlyInputs ? CodeBlock.of("inputs") : CodeBlock.of("request.inputs()");
        String leadingArgs = String.join("", leading.stream().map(p -> p.name() + ", ").toList());
        CodeBlock batchCall = batchCall(type, op, input, output, leading.isEmpty() && onlyInputs,
                CodeBlock.of("$L($L($L))", reference(toResponse), op.methodName(), callArgs));

        type.addMethod(MethodSpec.methodBuilder(MemberNames.all(op.methodName()))
                .addJavadoc("Sends any number of inputs through {@code $L} in chunks (the runtime's batch executor with default "
                        + "options) and reports every input as succeeded, failed or unconfirmed.\n\n<p>{@code $L $L}\n",
                        op.methodName(), op.httpMethod(), Poet.doc(op.path()))
                .addModifiers(Modifier.PUBLIC)
                .returns(report)
                .addParameters(leading)
                .addParameter(inputsType, inputsName)
                .addStatement("return $L($L$L, $T.builder().retrySafe($L).build())", MemberNames.all(op.methodName()), leadingArgs, inputsName,
                        Runtime.BATCH_OPTIONS, op.retrySafe())
                .build());
        type.addMethod(MethodSpec.methodBuilder(MemberNames.all(op.methodName()))
                .addJavadoc("Sends any number of inputs through {@code $L} in chunks as {@code options} say and reports every "
                        + "input as succeeded, failed or unconfirmed.\n\n<p>{@code $L $L}\n", op.methodName(), op.httpMethod(),
                        Poet.doc(op.path()))
                .addModifiers(Modifier.PUBLIC)
                .returns(report)
                .addParameters(leading)
                .addParameter(inputsType, inputsName)
                .addParameter(Runtime.BATCH_OPTIONS, "options")
                .addStatement("return invoker.batchExecutor().execute($L, $L, $L, options)", source, batchCall, keys)
                .build());
        MethodSpec.Builder streaming = MethodSpec.methodBuilder(MemberNames.all(op.methodName()))
                .addJavadoc("Sends inputs as {@code inputs} yields them through {@code $L} in chunks as {@code options} "
                        + "say, holding at most a window of them, and hands every input's outcome to {@code listener} as "
                        + "soon as it is final.\n\n<p>{@code $L $L}\n", op.methodName(), op.httpMethod(), Poet.doc(op.path()))
                .addModifiers(Modifier.PUBLIC)
                .returns(Runtime.BATCH_STREAM_SUMMARY)
                .addParameters(leading);
        if (!onlyInputs) {
            streaming.addJavadoc("\n@param request the other fields of every request; its inputs are not sent\n");
            streaming.addParameter(request, "request");
        }
        type.addMethod(streaming
                .addParameter(ParameterizedTypeName.get(ClassName.get(Iterator.class),
                        WildcardTypeName.subtypeOf(input)), "inputs")
                .addParameter(Runtime.BATCH_OPTIONS, "options")
                .addParameter(ParameterizedTypeName.get(Runtime.BATCH_LISTENER, input, output), "listener")
                .addStatement("return invoker.batchExecutor().execute(inputs, $L, $L, options, listener)",
                        batchCall, keys)
                .build());
        home(type).addMethod(batchResponse(op, toResponse, output));
    }

    /**
     * The batch call both {@code …All} forms pass to the executor. Without captured arguments it is a method reference
     * to one private method, so the two forms share it instead of adding a lambda each to a class's constant pool.
     */
    private CodeBlock batchCall(TypeSpec.Builder type, Operation op, ClassName input, ClassName output,
                                boolean capturesNothing, CodeBlock sendChunk) {
        if (!capturesNothing) {
            return CodeBlock.of("chunk -> $L", sendChunk);
        }
        String name = members.allocate(op.methodName() + "Chunk");
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .returns(ParameterizedTypeName.get(Runtime.BATCH_RESPONSE, output))
                .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), input), "chunk")
                .addStatement("return $L", sendChunk)
                .build());
        return CodeBlock.of("this::$L", name);
    }

    private CodeBlock keys(ClassName input, ClassName output, Operation.Batch batch) {
        TypeDecl.RecordDecl in = (TypeDecl.RecordDecl) poet.model().type(batch.inputType());
        TypeDecl.RecordDecl out = (TypeDecl.RecordDecl) poet.model().type(batch.resultType());
        CodeBlock.Builder b = CodeBlock.builder().add("$T.<$T, $T>builder()", Runtime.BATCH_KEYS, input, output).indent().indent();
        keyLambda(b, "inputId", input, in.field("id"));
        keyLambda(b, "inputIdProperty", input, in.field("idProperty"));
        keyLambda(b, "inputTraceId", input, in.field("objectWriteTraceId"));
        keyLambda(b, "resultId", output, out.field("id"));
        keyLambda(b, "resultTraceId", output, out.field("objectWriteTraceId"));
        Field trace = in.field("objectWriteTraceId");
        if (trace != null && trace.type().equals(TypeRef.scalar(TypeRef.Scalar.STRING))) {
            // The records have no copy-with: call the canonical constructor with the trace id in its place.
            CodeBlock components = CodeBlock.join(in.fields().stream()
                    .map(f -> f == trace ? CodeBlock.of("traceId") : CodeBlock.of("input.$L()", f.javaName()))
                    .toList(), ", ");
            b.add("\n.inputWithTraceId((input, traceId) -> new $T($L))", input, components);
        }
        Field properties = out.field("properties");
        if (properties != null && properties.type().equals(new TypeRef.MapRef(TypeRef.scalar(TypeRef.Scalar.STRING)))) {
            String n = properties.javaName();
            b.add(properties.required()
                    ? CodeBlock.of("\n.resultProperty((result, name) -> result.$L().get(name))", n)
                    : CodeBlock.of("\n.resultProperty((result, name) -> result.$L() == null ? null : result.$L().get(name))", n, n));
        }
        return b.add("\n.build()").unindent().unindent().build();
    }

    private void keyLambda(CodeBlock.Builder b, String key, ClassName type, Field field) {
        if (field != null && field.type().equals(TypeRef.scalar(TypeRef.Scalar.STRING))) {
            b.add("\n.$L($T::$L)", key, type, field.javaName());
        }
    }

    /** Turns one chunk's response into the runtime's {@code BatchResponse}: results plus errors mapped by field name. */
    private MethodSpec batchResponse(Operation op, String name, ClassName output) {
        TypeName batchResponse = ParameterizedTypeName.get(Runtime.BATCH_RESPONSE, output);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(batchResponse);
        if (op.result() instanceof Operation.Result.Single single) {
            m.addParameter(poet.boxed(single.type()), "response");
            m.addStatement("return $L", fromBody(single.type(), CodeBlock.of("response")));
            return m.build();
        }
        TypeDecl.ResponseUnionDecl union = union(op);
        ClassName unionName = poet.className(union.javaName());
        m.addParameter(unionName, "response");
        for (TypeDecl.Variant v : union.variants()) {
            String var = JavaNames.decapitalize(v.javaName());
            m.beginControlFlow("if (response instanceof $T $L)", unionName.nestedClass(v.javaName()), var);
            if (v.body() == null) {
                m.addStatement("return new $T<>($T.of(), $T.of())", Runtime.BATCH_RESPONSE, List.class, List.class);
            } else {
                m.addStatement("return $L", fromBody(v.body(), CodeBlock.of("$L.body()", var)));
            }
            m.endControlFlow();
        }
        m.addStatement("throw new $T($S + response)", IllegalStateException.class, "unexpected response ");
        return m.build();
    }

    private CodeBlock fromBody(TypeRef bodyType, CodeBlock body) {
        TypeDecl.RecordDecl decl = (TypeDecl.RecordDecl) poet.model().type(((TypeRef.NamedRef) bodyType).javaName());
        Field results = decl.field("results");
        CodeBlock resultsExpr = results.required()
                ? CodeBlock.of("$L.$L()", body, results.javaName())
                : CodeBlock.of("$L.$L() == null ? $T.of() : $L.$L()", body, results.javaName(), List.class, body, results.javaName());
        Field errors = decl.field("errors");
        CodeBlock errorsExpr = CodeBlock.of("$T.of()", List.class);
        if (errors != null && errors.type() instanceof TypeRef.ListRef list && list.element() instanceof TypeRef.NamedRef e
                && poet.model().type(e.javaName()) instanceof TypeDecl.RecordDecl errorDecl) {
            String converter = errorConverter(errorDecl);
            CodeBlock mapped = CodeBlock.of("$L.$L().stream().map($T::$L).toList()", body, errors.javaName(), client, converter);
            errorsExpr = errors.required()
                    ? mapped
                    : CodeBlock.of("$L.$L() == null ? $T.of() : $L", body, errors.javaName(), List.class, mapped);
        }
        return CodeBlock.of("new $T<>($L, $L)", Runtime.BATCH_RESPONSE, resultsExpr, errorsExpr);
    }

    private String errorConverter(TypeDecl.RecordDecl error) {
        String name = "toBatchError";
        if (errorConverters.containsKey(error.javaName())) {
            return name;
        }
        ClassName type = poet.className(error.javaName());
        CodeBlock.Builder args = CodeBlock.builder();
        for (String component : List.of("status", "category", "subCategory", "message")) {
            args.add("$L, ", stringOf(error.field(BATCH_ERROR_FIELDS.get(component))));
        }
        Field context = error.field("context");
        TypeRef contextType = new TypeRef.MapRef(new TypeRef.ListRef(TypeRef.scalar(TypeRef.Scalar.STRING)));
        args.add(context != null && context.type().equals(contextType) ? CodeBlock.of("error.$L(), ", context.javaName()) : CodeBlock.of("null, "));
        args.add("$L, error", stringOf(error.field("id")));
        errorConverters.put(error.javaName(), MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Runtime.BATCH_ERROR)
                .addParameter(type, "error")
                .addStatement("return new $T($L)", Runtime.BATCH_ERROR, args.build())
                .build());
        return name;
    }

    /** A field as text for {@code BatchError}: strings directly, other types by their text form, absent as null. */
    private static CodeBlock stringOf(Field f) {
        if (f == null) {
            return CodeBlock.of("null");
        }
        if (f.type().equals(TypeRef.scalar(TypeRef.Scalar.STRING))) {
            return CodeBlock.of("error.$L()", f.javaName());
        }
        if (f.type().equals(TypeRef.scalar(TypeRef.Scalar.JSON_VALUE))) {
            // HubSpot declares subCategory as an object but sends a string, or an empty object: only a string names one.
            return CodeBlock.of("error.$L() instanceof $T s ? s.value() : null", f.javaName(),
                    Runtime.JSON_VALUE.nestedClass("JsonString"));
        }
        return CodeBlock.of("$T.toString(error.$L(), null)", Objects.class, f.javaName());
    }
}
