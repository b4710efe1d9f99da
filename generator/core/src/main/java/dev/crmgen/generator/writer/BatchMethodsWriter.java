package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.naming.JavaNames;
import dev.crmgen.generator.naming.MemberNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes a batch operation's {@code …All} methods, which hand any number of inputs to the runtime's batch executor,
 * and what they need: the keys that match results to inputs, and the conversion of a chunk's response into the
 * executor's results and errors.
 */
final class BatchMethodsWriter {
    private final ApiModel model;
    private final JavaTypes types;
    private final ClientMembers members;
    private final ClassName client;
    /** Error record → its conversion method, written once each. */
    private final Map<String, MethodSpec> errorConverters = new TreeMap<>();

    BatchMethodsWriter(ApiModel model, JavaTypes types, ClientMembers members, ClassName client) {
        this.model = model;
        this.types = types;
        this.members = members;
        this.client = client;
    }

    /** The error conversions the batch methods written so far call. */
    Collection<MethodSpec> errorConverters() {
        return errorConverters.values();
    }

    /** Writes the {@code …All} methods of batch operation {@code op}, whose methods take what {@code signature} says. */
    void write(Operation op, OperationSignature signature) {
        Operation.Batch batch = op.batch();
        ClassName input = types.className(batch.inputType());
        ClassName output = types.className(batch.resultType());
        ClassName request = types.className(batch.requestType());
        TypeDecl.RecordDecl requestDecl = (TypeDecl.RecordDecl) model.type(batch.requestType());
        TypeName report = ParameterizedTypeName.get(RuntimeTypes.BATCH_REPORT, input, output);
        TypeName inputs = ParameterizedTypeName.get(ClassName.get(Collection.class), input);
        String toResponse = members.allocate(op.methodName() + "BatchResponse");
        boolean onlyInputs = requestDecl.fields().size() == 1;

        CodeBlock keys = members.addConstant(
                ParameterizedTypeName.get(RuntimeTypes.BATCH_KEYS, input, output),
                JavaNames.constantName(op.methodName()) + "_KEYS",
                keys(input, output, batch));

        // The request for one chunk: the caller's other request fields with this chunk as inputs.
        CodeBlock chunkRequest = onlyInputs
                ? CodeBlock.of("new $T(chunk)", request)
                : CodeBlock.of(
                        "new $T($L)",
                        request,
                        RecordWriter.copyArguments(requestDecl, "request", "inputs", CodeBlock.of("chunk")));
        String bodyName = signature.bodyName();
        CodeBlock callArgs = signature.callArguments(bodyName, chunkRequest);
        List<ParameterSpec> leading = signature.specsExcept(bodyName);

        String inputsName = onlyInputs ? "inputs" : "request";
        TypeName inputsType = onlyInputs ? inputs : request;
        CodeBlock source = onlyInputs ? CodeBlock.of("inputs") : CodeBlock.of("request.inputs()");
        StringBuilder leadingArgs = new StringBuilder();
        for (ParameterSpec p : leading) {
            leadingArgs.append(p.name()).append(", ");
        }
        List<ParameterSpec> captured = onlyInputs
                ? leading
                : append(leading, ParameterSpec.builder(request, "request").build());
        String clientName = clientName(captured);
        Function<CodeBlock, CodeBlock> batchCall = batchCall(
                op,
                input,
                output,
                captured,
                clientName,
                CodeBlock.of(
                        "$L($Z$L.$L($L,$W$L))",
                        members.reference(toResponse),
                        clientName,
                        op.methodName(),
                        callArgs,
                        MemberNames.REQUEST_OPTIONS));
        CodeBlock trace = CodeBlock.of("\n<p>{@code $L $L}\n\n", op.httpMethod(), Javadoc.escape(op.path()));
        CodeBlock leadingDocs = signature.javadocExcept(bodyName);
        CodeBlock inputsDoc = onlyInputs
                ? CodeBlock.of("@param inputs the inputs, any number; each is reported exactly once\n")
                : CodeBlock.of("@param request the request: its other fields go with every chunk, its inputs are "
                        + "sent in chunks and each reported exactly once\n");
        CodeBlock optionsDoc = CodeBlock.of("@param options chunk size, concurrency, resends and the run's deadline\n");
        CodeBlock reportDoc = CodeBlock.of(
                "@return every input once: succeeded with its result, failed with its " + "error, or unconfirmed\n");

        MethodSpec.Builder withDefaults = MethodSpec.methodBuilder(MemberNames.all(op.methodName()))
                .addModifiers(Modifier.PUBLIC)
                .returns(report)
                .addParameters(leading)
                .addParameter(inputsType, inputsName)
                .addStatement(
                        "return $L($L$L, $T.builder().retrySafe($L).build())",
                        MemberNames.all(op.methodName()),
                        leadingArgs,
                        inputsName,
                        RuntimeTypes.BATCH_OPTIONS,
                        op.retrySafe());
        MethodSpec collected = MethodSpec.methodBuilder(MemberNames.all(op.methodName()))
                .addJavadoc(
                        "Sends any number of inputs through {@code $L} in chunks as {@code options} say and "
                                + "reports every input as succeeded, failed or unconfirmed.\n",
                        op.methodName())
                .addJavadoc(trace)
                .addJavadoc(leadingDocs)
                .addJavadoc(inputsDoc)
                .addJavadoc(optionsDoc)
                .addJavadoc(reportDoc)
                .addModifiers(Modifier.PUBLIC)
                .returns(report)
                .addParameters(leading)
                .addParameter(inputsType, inputsName)
                .addParameter(RuntimeTypes.BATCH_OPTIONS, "options")
                .build();
        members.addMethod(withDefaults
                .addJavadoc(
                        "As {@link #$L($L)} with the runtime's default batch options.\n",
                        collected.name(),
                        RequestOptionsOverloads.linkSignature(collected))
                .build());
        RequestOptionsOverloads.add(
                members,
                collected,
                requestOptions -> CodeBlock.of(
                        "return invoker.batchExecutor().execute($L,$W$L,$W$L,$Woptions)",
                        source,
                        batchCall.apply(requestOptions),
                        keys));
        MethodSpec.Builder streaming = MethodSpec.methodBuilder(MemberNames.all(op.methodName()))
                .addJavadoc(
                        "Sends inputs as {@code inputs} yields them through {@code $L} in chunks as "
                                + "{@code options} say, holding at most a window of them, and hands every input's outcome to "
                                + "{@code listener} as soon as it is final.\n",
                        op.methodName())
                .addJavadoc(trace)
                .addJavadoc(leadingDocs)
                .addModifiers(Modifier.PUBLIC)
                .returns(RuntimeTypes.BATCH_STREAM_SUMMARY)
                .addParameters(leading);
        if (!onlyInputs) {
            streaming.addJavadoc("@param request the other fields of every request; its inputs are not sent\n");
            streaming.addParameter(request, "request");
        }
        streaming
                .addJavadoc("@param inputs the inputs, taken as the window has room; each is reported exactly once\n")
                .addJavadoc(optionsDoc)
                .addJavadoc("@param listener hears each input's outcome as soon as it is final\n")
                .addJavadoc("@return what the run did; the outcomes went to {@code listener}\n")
                .addParameter(
                        ParameterizedTypeName.get(ClassName.get(Iterator.class), WildcardTypeName.subtypeOf(input)),
                        "inputs")
                .addParameter(RuntimeTypes.BATCH_OPTIONS, "options")
                .addParameter(ParameterizedTypeName.get(RuntimeTypes.BATCH_LISTENER, input, output), "listener");
        RequestOptionsOverloads.add(
                members,
                streaming.build(),
                requestOptions -> CodeBlock.of(
                        "return invoker.batchExecutor().execute(inputs,$W$L,$W$L,$Woptions,$Wlistener)",
                        batchCall.apply(requestOptions),
                        keys));
        members.addStaticMethod(batchResponse(op, toResponse, output));
    }

    /**
     * The batch call the {@code …All} forms pass to the executor, given the run's per-call options: a call of one
     * static method per operation that returns the call as a lambda over the client and what it captures. The forms
     * then pass plain arguments to the executor's generic method, which javac infers cheaply, and share one lambda
     * instead of each binding a method reference or lambda of its own. The method lives with the operation's other
     * static members, so the lambda's constants stay out of the client's constant pool.
     */
    private Function<CodeBlock, CodeBlock> batchCall(
            Operation op,
            ClassName input,
            ClassName output,
            List<ParameterSpec> captured,
            String clientName,
            CodeBlock sendChunk) {
        String name = members.allocate(op.methodName() + "Call");
        members.addStaticMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(RuntimeTypes.BATCH_CALL, input, output))
                .addParameter(client, clientName)
                .addParameters(captured)
                .addParameter(RuntimeTypes.REQUEST_OPTIONS, MemberNames.REQUEST_OPTIONS)
                .addStatement("return chunk -> $L", sendChunk)
                .build());
        CodeBlock method = members.reference(name);
        StringBuilder capturedArgs = new StringBuilder();
        for (ParameterSpec p : captured) {
            capturedArgs.append(", ").append(p.name());
        }
        return requestOptions -> CodeBlock.of("$L(this$L, $L)", method, capturedArgs, requestOptions);
    }

    /** The batch call's name for the client: {@code client}, or as many underscores after it as clear the others. */
    private static String clientName(List<ParameterSpec> others) {
        String name = "client";
        while (true) {
            boolean taken = false;
            for (ParameterSpec p : others) {
                taken |= p.name().equals(name);
            }
            if (!taken) {
                return name;
            }
            name += "_";
        }
    }

    private static List<ParameterSpec> append(List<ParameterSpec> specs, ParameterSpec last) {
        List<ParameterSpec> all = new ArrayList<>(specs);
        all.add(last);
        return all;
    }

    private CodeBlock keys(ClassName input, ClassName output, Operation.Batch batch) {
        TypeDecl.RecordDecl in = (TypeDecl.RecordDecl) model.type(batch.inputType());
        TypeDecl.RecordDecl out = (TypeDecl.RecordDecl) model.type(batch.resultType());
        CodeBlock.Builder b = CodeBlock.builder()
                .add("$T.<$T, $T>builder()", RuntimeTypes.BATCH_KEYS, input, output)
                .indent()
                .indent();
        keyLambda(b, "inputId", input, in.field("id"));
        keyLambda(b, "inputIdProperty", input, in.field("idProperty"));
        keyLambda(b, "inputTraceId", input, in.field("objectWriteTraceId"));
        keyLambda(b, "resultId", output, out.field("id"));
        keyLambda(b, "resultTraceId", output, out.field("objectWriteTraceId"));
        Field trace = in.field("objectWriteTraceId");
        if (trace != null && trace.type().equals(TypeRef.scalar(TypeRef.Scalar.STRING))) {
            // The records have no copy-with: call the canonical constructor with the trace id in its place.
            CodeBlock components = RecordWriter.copyArguments(in, "input", trace.jsonName(), CodeBlock.of("traceId"));
            b.add("\n.inputWithTraceId((input, traceId) -> new $T($L))", input, components);
        }
        Field properties = out.field("properties");
        if (properties != null && properties.type().equals(new TypeRef.MapRef(TypeRef.scalar(TypeRef.Scalar.STRING)))) {
            b.add("\n.resultProperties($T::$L)", output, properties.javaName());
        }
        return b.add("\n.build()").unindent().unindent().build();
    }

    private static void keyLambda(CodeBlock.Builder b, String key, ClassName type, Field field) {
        if (field != null && field.type().equals(TypeRef.scalar(TypeRef.Scalar.STRING))) {
            b.add("\n.$L($T::$L)", key, type, field.javaName());
        }
    }

    /** Turns one chunk's response into the runtime's {@code BatchResponse}: its results, and its errors mapped. */
    private MethodSpec batchResponse(Operation op, String name, ClassName output) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(RuntimeTypes.BATCH_RESPONSE, output));
        if (op.result() instanceof Operation.Result.Single single) {
            m.addParameter(types.boxed(single.type()), "response");
            m.addStatement("return $L", fromBody(single.type(), CodeBlock.of("response"), output));
            return m.build();
        }
        String unionName = ((Operation.Result.Union) op.result()).unionName();
        TypeDecl.ResponseUnionDecl union = (TypeDecl.ResponseUnionDecl) model.type(unionName);
        ClassName unionType = types.className(union.javaName());
        m.addParameter(unionType, "response");
        for (TypeDecl.Variant v : union.variants()) {
            String var = JavaNames.decapitalize(v.javaName());
            m.beginControlFlow("if (response instanceof $T $L)", unionType.nestedClass(v.javaName()), var);
            if (v.body() == null) {
                m.addStatement(
                        "return new $T<$T>($T.of(), $T.of())",
                        RuntimeTypes.BATCH_RESPONSE,
                        output,
                        List.class,
                        List.class);
            } else {
                m.addStatement("return $L", fromBody(v.body(), CodeBlock.of("$L.body()", var), output));
            }
            m.endControlFlow();
        }
        m.addStatement("throw new $T($S + response)", IllegalStateException.class, "unexpected response ");
        return m.build();
    }

    private CodeBlock fromBody(TypeRef bodyType, CodeBlock body, ClassName output) {
        TypeDecl.RecordDecl decl = (TypeDecl.RecordDecl) model.type(((TypeRef.NamedRef) bodyType).javaName());
        Field results = decl.field("results");
        CodeBlock resultsExpr = results.required()
                ? CodeBlock.of("$L.$L()", body, results.javaName())
                : CodeBlock.of(
                        "$L.$L() == null$W? $T.of()$W: $L.$L()",
                        body,
                        results.javaName(),
                        List.class,
                        body,
                        results.javaName());
        Field errors = decl.field("errors");
        CodeBlock errorsExpr = CodeBlock.of("$T.of()", List.class);
        if (errors != null
                && errors.type() instanceof TypeRef.ListRef list
                && list.element() instanceof TypeRef.NamedRef e
                && model.type(e.javaName()) instanceof TypeDecl.RecordDecl errorDecl) {
            errorsExpr = CodeBlock.of("$L($L.$L())", errorConverter(errorDecl), body, errors.javaName());
        }
        // Explicit type arguments: a diamond here would have javac infer through both arguments.
        return CodeBlock.of("new $T<$T>($L,$W$L)", RuntimeTypes.BATCH_RESPONSE, output, resultsExpr, errorsExpr);
    }

    /**
     * The method, written once per error record, that converts a response's errors (null when absent) into the
     * runtime's: a plain loop rather than a stream over a method reference, which javac would have to infer.
     */
    private String errorConverter(TypeDecl.RecordDecl error) {
        MethodSpec written = errorConverters.get(error.javaName());
        if (written != null) {
            return written.name();
        }
        CodeBlock.Builder args = CodeBlock.builder();
        for (String component : List.of("status", "category", "subCategory", "message")) {
            args.add("$L,$W", stringOf(error.field(component)));
        }
        Field context = error.field("context");
        TypeRef contextType = new TypeRef.MapRef(new TypeRef.ListRef(TypeRef.scalar(TypeRef.Scalar.STRING)));
        args.add(
                context != null && context.type().equals(contextType)
                        ? CodeBlock.of("error.$L(),$W", context.javaName())
                        : CodeBlock.of("null,$W"));
        args.add("$L,$Werror", stringOf(error.field("id")));
        ClassName errorType = types.className(error.javaName());
        MethodSpec converter = MethodSpec.methodBuilder(members.allocate("toBatchErrors"))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.BATCH_ERROR))
                .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), errorType), "errors")
                .beginControlFlow("if (errors == null)")
                .addStatement("return $T.of()", List.class)
                .endControlFlow()
                .addStatement(
                        "$T<$T> out = new $T<$T>(errors.size())",
                        List.class,
                        RuntimeTypes.BATCH_ERROR,
                        ArrayList.class,
                        RuntimeTypes.BATCH_ERROR)
                .beginControlFlow("for ($T error : errors)", errorType)
                .addStatement("out.add(new $T($L))", RuntimeTypes.BATCH_ERROR, args.build())
                .endControlFlow()
                .addStatement("return out")
                .build();
        errorConverters.put(error.javaName(), converter);
        return converter.name();
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
            // HubSpot declares subCategory as an object but sends a string, or an empty object: only a string names
            // one.
            return CodeBlock.of(
                    "error.$L() instanceof $T s ? s.value() : null",
                    f.javaName(),
                    RuntimeTypes.JSON_VALUE.nestedClass("JsonString"));
        }
        return CodeBlock.of("$T.toString(error.$L(), null)", Objects.class, f.javaName());
    }
}
