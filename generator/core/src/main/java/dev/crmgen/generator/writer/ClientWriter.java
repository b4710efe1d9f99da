package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.naming.JavaNames;
import dev.crmgen.generator.naming.MemberNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes the client: per operation a blocking and an {@code …Async} method, each one statement over the runtime's
 * {@code ApiInvoker} and each also with per-call options ({@link RequestOptionsOverloads}), with the request builder
 * and response mapper they share, taking what the operation's {@link OperationSignature} says; batch operations also
 * get {@code …All} methods ({@link BatchMethodsWriter}), paged ones {@code …Stream} methods
 * ({@link PagingMethodsWriter}), form bodies an encoder ({@link FormEncoders}).
 */
final class ClientWriter {
    private final ApiModel model;
    private final JavaTypes types;
    private final CodecExpressions codecs;
    private final SourceFiles files;
    private final ClassName client;
    /** Per operation, in order, what its methods take. */
    private final List<OperationSignature> signatures;

    ClientWriter(
            ApiModel model,
            JavaTypes types,
            CodecExpressions codecs,
            SourceFiles files,
            List<OperationSignature> signatures) {
        this.model = model;
        this.types = types;
        this.codecs = codecs;
        this.files = files;
        this.client = types.className(model.clientName());
        this.signatures = signatures;
    }

    GeneratedFile write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(client).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        ClientMembers members = new ClientMembers(type, model.operations());
        BatchMethodsWriter batchMethods = new BatchMethodsWriter(model, types, members, client);
        PagingMethodsWriter pagingMethods = new PagingMethodsWriter(model, types, members);
        FormEncoders forms = new FormEncoders(model, types);
        addJavadoc(type);
        addConstructors(type);
        for (int i = 0; i < model.operations().size(); i++) {
            Operation op = model.operations().get(i);
            OperationSignature signature = signatures.get(i);
            addOperation(members, forms, op, signature);
            if (op.batch() != null) {
                batchMethods.write(op, signature);
            }
            pagingMethods.write(op, signature);
            members.nextOperation();
        }
        type.addMethods(batchMethods.errorConverters());
        type.addMethods(forms.methods());
        members.addHolders();
        return files.file(type, client.simpleName());
    }

    private void addJavadoc(TypeSpec.Builder type) {
        String title = model.title();
        type.addJavadoc("The $L API.\n", Javadoc.escape(title == null ? model.specName() : title));
        CodeBlock description = Javadoc.paragraphs(model.description());
        if (!description.isEmpty()) {
            type.addJavadoc("\n<p>").addJavadoc(description);
        }
        type.addJavadoc(
                "\n<p>Create one with {@code new $L(ClientOptions.fromEnvironment())}; it is thread-safe.\n",
                client.simpleName());
    }

    private void addConstructors(TypeSpec.Builder type) {
        type.addField(RuntimeTypes.API_INVOKER, "invoker", Modifier.PRIVATE, Modifier.FINAL);
        // Constructors rather than a static factory: HubSpot names operations create, get, update…, and a factory
        // would share its name with one of them.
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("A client with its own {@code ApiInvoker} built from {@code options}.\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeTypes.CLIENT_OPTIONS, "options")
                .addStatement("this($T.create(options))", RuntimeTypes.API_INVOKER)
                .build());
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("A client over {@code invoker}, which carries the base URL, authentication, retries and "
                        + "rate limits; clients of several APIs may share one.\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeTypes.API_INVOKER, "invoker")
                .addStatement("this.invoker = $T.requireNonNull(invoker, $S)", Objects.class, "invoker")
                .build());
    }

    private TypeName resultType(Operation op) {
        if (op.result() instanceof Operation.Result.Empty) {
            return TypeName.VOID;
        }
        if (op.result() instanceof Operation.Result.Single single) {
            return types.boxed(single.type());
        }
        return types.className(((Operation.Result.Union) op.result()).unionName());
    }

    private void addOperation(ClientMembers members, FormEncoders forms, Operation op, OperationSignature signature) {
        String base = op.methodName();
        String requestMethod = members.allocate(base + "Request");
        CodeBlock request = members.reference(requestMethod);
        TypeName result = resultType(op);
        TypeName boxedResult = result == TypeName.VOID ? ClassName.get(Void.class) : result.box();
        CodeBlock args = signature.callArguments(null, null);

        CodeBlock mapper = members.addConstant(
                ParameterizedTypeName.get(RuntimeTypes.RESPONSE_MAPPER, boxedResult),
                JavaNames.constantName(base) + "_RESPONSE",
                mapper(op, boxedResult));

        MethodSpec.Builder blocking = MethodSpec.methodBuilder(base)
                .addModifiers(Modifier.PUBLIC)
                .returns(result)
                .addParameters(signature.specs())
                .addJavadoc(blockingDoc(op, signature.javadoc()));
        MethodSpec.Builder async = MethodSpec.methodBuilder(MemberNames.async(base))
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), boxedResult))
                .addParameters(signature.specs())
                .addJavadoc(asyncDoc(op.methodName(), signature.linkTypes()));
        List<MethodSpec.Builder> shortForms = new ArrayList<>();
        if (signature.hasRecord()) {
            shortForms.add(MethodSpec.methodBuilder(base)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(result)
                    .addParameters(signature.shortSpecs())
                    .addJavadoc("As {@link #$L($L)} with no optional parameter set.\n", base, signature.linkTypes())
                    .addStatement(
                            "$L$L($L)",
                            result == TypeName.VOID ? "" : "return ",
                            base,
                            signature.shortCallArguments()));
            shortForms.add(MethodSpec.methodBuilder(MemberNames.async(base))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), boxedResult))
                    .addParameters(signature.shortSpecs())
                    .addJavadoc(asyncDoc(base, signature.shortLinkTypes()))
                    .addStatement("return $L($L)", MemberNames.async(base), signature.shortCallArguments()));
        }
        if (op.deprecated()) {
            blocking.addAnnotation(Deprecated.class);
            async.addAnnotation(Deprecated.class);
            for (MethodSpec.Builder method : shortForms) {
                method.addAnnotation(Deprecated.class);
            }
        }
        String returns = result == TypeName.VOID ? "" : "return ";
        RequestOptionsOverloads.add(
                members,
                blocking.build(),
                options -> CodeBlock.of(
                        "$Linvoker.invoke($Z$L($L),$W$L$L)",
                        returns,
                        request,
                        args,
                        mapper,
                        RequestOptionsOverloads.trailing(options)));
        RequestOptionsOverloads.add(
                members,
                async.build(),
                options -> CodeBlock.of(
                        "return invoker.invokeAsync($Z$L($L),$W$L$L)",
                        request,
                        args,
                        mapper,
                        RequestOptionsOverloads.trailing(options)));
        for (MethodSpec.Builder method : shortForms) {
            members.addMethod(method.build());
        }
        members.addStaticMethod(requestBuilder(forms, op, requestMethod, signature));
    }

    private CodeBlock blockingDoc(Operation op, CodeBlock parameterDocs) {
        CodeBlock.Builder doc = CodeBlock.builder();
        CodeBlock text = Javadoc.paragraphs(op.summary(), op.description());
        doc.add(text);
        if (!text.isEmpty()) {
            doc.add("\n<p>");
        }
        doc.add("{@code $L $L}\n", op.httpMethod(), Javadoc.escape(op.path()));
        return doc.add(tags(op, parameterDocs)).build();
    }

    /** Links to the blocking method instead of repeating its description, parameters and result. */
    private static CodeBlock asyncDoc(String blocking, CodeBlock linkTypes) {
        return CodeBlock.of(
                "Asynchronous {@link #$L($L)}: its future completes as that method returns or throws.\n",
                blocking,
                linkTypes);
    }

    /** The {@code @param} and {@code @return} tags. */
    private static CodeBlock tags(Operation op, CodeBlock parameterDocs) {
        CodeBlock.Builder doc = CodeBlock.builder();
        if (!parameterDocs.isEmpty() || !(op.result() instanceof Operation.Result.Empty)) {
            doc.add("\n");
        }
        doc.add(parameterDocs);
        if (op.result() instanceof Operation.Result.Union) {
            doc.add("@return one record per success status; check for the partial-failure ones\n");
        } else if (op.result() instanceof Operation.Result.Single single
                && !single.emptyStatuses().isEmpty()) {
            doc.add(
                    "@return the response body, or null for status $L\n",
                    single.emptyStatuses().get(0));
        } else if (op.result() instanceof Operation.Result.Single) {
            doc.add("@return the response body\n");
        }
        return doc.build();
    }

    /** The request of one call; it takes what the full method takes and checks the parameter record is there. */
    private MethodSpec requestBuilder(FormEncoders forms, Operation op, String name, OperationSignature signature) {
        CodeBlock.Builder chain = CodeBlock.builder()
                .add(signature.recordCheck())
                .add("return $T.builder($S, $S)\n", RuntimeTypes.API_REQUEST, op.httpMethod(), op.path())
                .indent()
                .indent();
        if (op.operationId() != null) {
            chain.add(".operationId($S)\n", op.operationId());
        }
        boolean inMultipart = false;
        for (OperationParameter p : signature.parameters()) {
            boolean part = p.source() instanceof OperationParameter.Part;
            if (part && !inMultipart) {
                chain.add(".multipartBody($T.builder()\n", RuntimeTypes.MULTIPART_BODY)
                        .indent()
                        .indent();
            } else if (!part && inMultipart) {
                chain.add(".build())\n").unindent().unindent();
            }
            inMultipart = part;
            chain.add(requestPart(forms, p, signature.argument(p)));
        }
        if (inMultipart) {
            chain.add(".build())\n").unindent().unindent();
        }
        chain.add(".retrySafe($L)\n", op.retrySafe());
        chain.add(".build();\n").unindent().unindent();
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(RuntimeTypes.API_REQUEST)
                .addParameters(signature.specs())
                .addCode(chain.build())
                .build();
    }

    /** The request builder call that puts one parameter's value, {@code value}, into the request. */
    private CodeBlock requestPart(FormEncoders forms, OperationParameter p, CodeBlock value) {
        if (p.source() instanceof OperationParameter.Path path) {
            return CodeBlock.of(".pathParam($S, $L)\n", path.parameter().name(), value);
        }
        if (p.source() instanceof OperationParameter.Part part) {
            return CodeBlock.of(
                    ".$L($S, $L)\n",
                    part.part().isFile() ? "file" : "text",
                    part.part().name(),
                    value);
        }
        if (p.source() instanceof OperationParameter.Body b) {
            if (b.body().type() == null) {
                return CodeBlock.of(".rawBody($L, $S)\n", value, b.body().mediaType());
            }
            if (!b.body().mediaType().equals("application/json")) {
                return CodeBlock.of(
                        ".rawBody($L($L), $S)\n",
                        forms.encoderOf(b.body().type()),
                        value,
                        b.body().mediaType());
            }
            return CodeBlock.of(
                    ".jsonBody($L, $L)\n", p.name(), codecs.bodyCodec(b.body().type()));
        }
        OperationParameter.QueryOrHeader other = (OperationParameter.QueryOrHeader) p.source();
        return switch (other.parameter().in()) {
            case HEADER -> CodeBlock.of(".header($S, $L)\n", other.parameter().name(), value);
            default -> CodeBlock.of(".queryParam($S, $L)\n", other.parameter().name(), value);
        };
    }

    /**
     * The response mapper of {@code op}. One JSON status or one empty status, the common case, takes the runtime's
     * short form; otherwise a builder chain with a handler per status. Neither passes a lambda or a generic method as
     * an argument: inferring those is what javac spends its time on in a client.
     */
    private CodeBlock mapper(Operation op, TypeName boxedResult) {
        if (op.result() instanceof Operation.Result.Empty empty
                && empty.statuses().size() == 1) {
            return CodeBlock.of(
                    "$T.empty($L)",
                    RuntimeTypes.RESPONSE_MAPPER,
                    empty.statuses().get(0));
        }
        if (op.result() instanceof Operation.Result.Single single
                && single.statuses().size() == 1
                && single.emptyStatuses().isEmpty()
                && !isBinary(single.type())) {
            return CodeBlock.of(
                    "$T.json($L,$W$L)",
                    RuntimeTypes.RESPONSE_MAPPER,
                    single.statuses().get(0),
                    codecs.bodyCodec(single.type()));
        }
        CodeBlock.Builder b = CodeBlock.builder()
                .add("$T.<$T>builder()", RuntimeTypes.RESPONSE_MAPPER, boxedResult)
                .indent()
                .indent();
        if (op.result() instanceof Operation.Result.Empty empty) {
            for (int s : empty.statuses()) {
                b.add("\n.empty($L)", s);
            }
        } else if (op.result() instanceof Operation.Result.Single single) {
            for (int s : single.statuses()) {
                b.add(
                        isBinary(single.type())
                                ? CodeBlock.of("\n.bytes($L,$W$T.identity())", s, Function.class)
                                : CodeBlock.of("\n.json($L,$W$L)", s, codecs.bodyCodec(single.type())));
            }
            for (int s : single.emptyStatuses()) {
                b.add("\n.empty($L)", s);
            }
        } else {
            String unionName = ((Operation.Result.Union) op.result()).unionName();
            TypeDecl.ResponseUnionDecl union = (TypeDecl.ResponseUnionDecl) model.type(unionName);
            for (TypeDecl.Variant v : union.variants()) {
                CodeBlock ctor =
                        CodeBlock.of("$T::new", types.className(unionName).nestedClass(v.javaName()));
                if (v.body() == null) {
                    b.add("\n.empty($L, $L)", v.status(), ctor);
                } else if (ResponseUnionWriter.isJson(v)) {
                    // The variant has two constructors, so its reference is inexact: the explicit body type keeps
                    // javac from inferring through it.
                    b.add(
                            "\n.<$T>jsonWithDeviations($L,$W$L,$W$L)",
                            types.boxed(v.body()),
                            v.status(),
                            codecs.bodyCodec(v.body()),
                            ctor);
                } else {
                    b.add("\n.bytes($L, $L)", v.status(), ctor);
                }
            }
        }
        return b.add("\n.build()").unindent().unindent().build();
    }

    private static boolean isBinary(TypeRef type) {
        return type.equals(TypeRef.scalar(TypeRef.Scalar.BINARY));
    }
}
