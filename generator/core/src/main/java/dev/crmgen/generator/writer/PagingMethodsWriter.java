package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.crmgen.generator.hubspot.PagingShape;
import dev.crmgen.generator.hubspot.SearchShape;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.naming.MemberNames;
import dev.crmgen.generator.naming.NameTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code …Stream} methods of cursor-paged operations: a lazy stream over the runtime's {@code Pages}
 * whose every page is one call of the operation's blocking method, so each fetch has the client's retries, rate
 * limits and deadlines. List operations substitute the cursor into their {@code after} parameter, CRM searches into
 * a copy of their body. Each stream also comes with a trailing {@code RequestOptions}, passed to every page's call
 * ({@link RequestOptionsOverloads}).
 */
final class PagingMethodsWriter {
    private static final ClassName PAGES = ClassName.get(RuntimeTypes.PACKAGE + ".paging", "Pages");
    private static final ClassName PAGE = ClassName.get(RuntimeTypes.PACKAGE + ".paging", "Page");
    private static final ClassName SEARCH_LIMIT_POLICY =
            ClassName.get(RuntimeTypes.PACKAGE + ".paging", "SearchLimitPolicy");
    /** What a stream's per-call options apply to. */
    private static final String EVERY_PAGE = "for every page's call";

    private final ApiModel model;
    private final JavaTypes types;
    private final ClientMembers members;
    /** Page record → the client's method turning one into a {@code Page}, written once each. */
    private final Map<String, String> pageMethods = new HashMap<>();
    /** Search body record → the client's method copying one with another cursor, written once each. */
    private final Map<String, String> cursorCopies = new HashMap<>();

    PagingMethodsWriter(ApiModel model, JavaTypes types, ClientMembers members) {
        this.model = model;
        this.types = types;
        this.members = members;
    }

    /** Writes the stream methods of {@code op} when it pages HubSpot's way; else nothing. */
    void write(Operation op, OperationSignature signature) {
        Optional<SearchShape> search = SearchShape.of(op, model.types());
        if (search.isPresent()) {
            writeSearch(op, signature, search.get());
            return;
        }
        Optional<PagingShape> list = PagingShape.of(op, model.types());
        if (list.isPresent() && list.get().itemType() != null) {
            writeList(op, signature, list.get());
        }
    }

    private void writeList(Operation op, OperationSignature signature, PagingShape shape) {
        String cursorParameter = shape.after().javaName();
        boolean cursorInRecord = signature.hasRecord() && signature.hasComponent(cursorParameter);
        String cursor = cursorName(signature);
        CodeBlock start = cursorInRecord
                ? CodeBlock.of(
                        "$L == null ? $L : $L.toBuilder().$L($L).build()",
                        cursor,
                        OperationSignature.recordName(),
                        OperationSignature.recordName(),
                        cursorParameter,
                        cursor)
                : CodeBlock.of("$L", cursor);
        String replaced = cursorInRecord ? OperationSignature.recordName() : cursorParameter;
        TypeName item = types.boxed(shape.itemType());
        String pageOf = pageMethod(shape.pageType(), item, null);
        CodeBlock arguments = signature.callArguments(replaced, start);
        List<ParameterSpec> parameters = cursorInRecord ? signature.specs() : signature.specsExcept(cursorParameter);
        CodeBlock doc = cursorInRecord ? signature.javadoc() : signature.javadocExcept(cursorParameter);
        String stream = MemberNames.stream(op.methodName());
        MethodSpec plain = streamMethod(op, stream)
                .addJavadoc(intro(
                        op,
                        signature,
                        cursorInRecord
                                ? "; the cursor in {@code " + OperationSignature.recordName()
                                        + "}, if any, is where it starts"
                                : ""))
                .addJavadoc(example(stream, exampleArguments(signature, cursorInRecord ? null : cursorParameter)))
                .addJavadoc(doc)
                .addJavadoc("@return the items, fetched as the stream needs them; close it when done early\n")
                .returns(streamOf(item))
                .addParameters(parameters)
                .build();
        RequestOptionsOverloads.add(
                members,
                plain,
                EVERY_PAGE,
                // The explicit item type spares javac inferring it through the lambda.
                options -> CodeBlock.of(
                        "return $T.<$T>stream($L ->$W$L($L($L$L)))",
                        PAGES,
                        item,
                        cursor,
                        pageOf,
                        op.methodName(),
                        arguments,
                        RequestOptionsOverloads.trailing(options)));
        if (cursorInRecord) {
            members.addMethod(streamMethod(op, stream)
                    .addJavadoc("As {@link #$L($L)} with no optional parameter set.\n", stream, signature.linkTypes())
                    .returns(streamOf(item))
                    .addParameters(signature.shortSpecs())
                    .addStatement("return $L($L)", stream, signature.shortCallArguments())
                    .build());
        }
    }

    private void writeSearch(Operation op, OperationSignature signature, SearchShape shape) {
        String body = signature.bodyName();
        String cursor = cursorName(signature);
        CodeBlock copy = CodeBlock.of("$L == null ? $L : $L($L, $L)", cursor, body, cursorCopy(shape), body, cursor);
        TypeName item = types.boxed(shape.itemType());
        String searchPageOf =
                pageMethod(shape.pageType().javaName(), item, shape.pageType().field("total"));
        CodeBlock arguments = signature.callArguments(body, copy);
        String stream = MemberNames.stream(op.methodName());
        String policy = MemberNames.SEARCH_LIMIT_POLICY;
        CodeBlock doc = signature.javadoc();
        CodeBlock returns =
                CodeBlock.of("@return the results, fetched as the stream needs them; close it when done " + "early\n");
        members.addMethod(streamMethod(op, stream)
                .addJavadoc(intro(op, signature, "; the query's {@code after}, if any, is where it starts"))
                .addJavadoc(
                        "\n<p>HubSpot pages one query through at most {@value $T#SEARCH_RESULT_CEILING} results: "
                                + "a query matching more fails with {@code SearchLimitException} before its first result.\n",
                        PAGES)
                .addJavadoc(example(stream, exampleArguments(signature, null)))
                .addJavadoc(doc)
                .addJavadoc(returns)
                .returns(streamOf(item))
                .addParameters(signature.specs())
                .addStatement(
                        "return $L($L,$W$T.FAIL_FAST)",
                        stream,
                        signature.callArguments(null, null),
                        SEARCH_LIMIT_POLICY)
                .build());
        MethodSpec withPolicy = streamMethod(op, stream)
                .addJavadoc(
                        "Every result of {@code $L}, fetched lazily page by page, with {@code $L} deciding what a "
                                + "query past HubSpot's search ceiling does; see {@link #$L($L)}.\n\n",
                        op.methodName(),
                        policy,
                        stream,
                        signature.linkTypes())
                .addJavadoc("@param $L fail before the first result, or after the ones that can be read\n", policy)
                .returns(streamOf(item))
                .addParameters(signature.specs())
                .addParameter(SEARCH_LIMIT_POLICY, policy)
                .build();
        RequestOptionsOverloads.add(
                members,
                withPolicy,
                EVERY_PAGE,
                options -> CodeBlock.of(
                        "return $T.<$T>searchStream($L ->$W$L($L($L$L)),$W$L)",
                        PAGES,
                        item,
                        cursor,
                        searchPageOf,
                        op.methodName(),
                        arguments,
                        RequestOptionsOverloads.trailing(options),
                        policy));
    }

    /** A stream method of {@code op}, deprecated when the operation is. */
    private static MethodSpec.Builder streamMethod(Operation op, String name) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC);
        return op.deprecated() ? method.addAnnotation(Deprecated.class) : method;
    }

    private static CodeBlock intro(Operation op, OperationSignature signature, String startsAt) {
        return CodeBlock.of(
                "Every item of {@link #$L($L)}, fetched lazily: a page is requested only when the stream needs its "
                        + "items, each one call with this client's retries and rate limits$L. Close the stream "
                        + "(try-with-resources) when done early; a call that fails ends it with its exception.\n"
                        + "\n<p>{@code $L $L}, page by page\n",
                op.methodName(),
                signature.linkTypes(),
                startsAt,
                op.httpMethod(),
                Javadoc.escape(op.path()));
    }

    private static CodeBlock example(String stream, String argument) {
        return CodeBlock.of(
                "\n<pre>{@code\ntry (var items = client.$L($L)) {\n    items.limit(500).forEach(this::process);\n}\n"
                        + "}</pre>\n\n",
                stream,
                argument);
    }

    /** The example's arguments: the direct parameters by name, and a record asking for 100 items a page. */
    private static String exampleArguments(OperationSignature signature, String left) {
        List<String> args = new ArrayList<>();
        for (OperationParameter p : signature.direct()) {
            if (!p.name().equals(left)) {
                args.add(p.name());
            }
        }
        if (signature.hasRecord()) {
            boolean limit = signature.hasComponent("limit");
            args.add(signature.record().simpleName() + ".builder()" + (limit ? ".limit(100)" : "") + ".build()");
        }
        return String.join(", ", args);
    }

    private static TypeName streamOf(TypeName item) {
        return ParameterizedTypeName.get(ClassName.get(Stream.class), item);
    }

    /** A name for the lambda's cursor that none of the operation's parameters has. */
    private static String cursorName(OperationSignature signature) {
        NameTable names = new NameTable(false);
        for (ParameterSpec s : signature.specs()) {
            names.reserve(s.name());
        }
        names.reserve(MemberNames.REQUEST_OPTIONS);
        names.reserve(MemberNames.SEARCH_LIMIT_POLICY);
        return names.allocate("after");
    }

    /** The method turning a {@code pageType} response into a {@code Page}; {@code total} is set for a search. */
    private String pageMethod(String pageType, TypeName item, Field total) {
        String key = (total == null ? "list:" : "search:") + pageType;
        String existing = pageMethods.get(key);
        if (existing != null) {
            return existing;
        }
        String name = members.allocate(total == null ? "pageOf" : "searchPageOf");
        pageMethods.put(key, name);
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(PAGE, item))
                .addParameter(types.className(pageType), "response")
                .beginControlFlow("if (response == null)")
                .addStatement("return $T.of($T.of(), null)", PAGE, List.class)
                .endControlFlow()
                // Tolerant decoding leaves a page without paging, or paging without next: that is the last page.
                .addStatement("var paging = response.paging()")
                .addStatement("var next = paging == null ? null : paging.next()")
                .addStatement("String after = next == null ? null : next.after()");
        if (total == null) {
            method.addStatement("return $T.of(response.results(), after)", PAGE);
        } else if (total.required()) {
            method.addStatement("return $T.of(response.$L(), response.results(), after)", PAGE, total.javaName());
        } else {
            method.addStatement(
                    "return new $T<>(response.results(), after,$W$L == null ? $T.empty() : $T.of($L))",
                    PAGE,
                    "response." + total.javaName() + "()",
                    OptionalLong.class,
                    OptionalLong.class,
                    "response." + total.javaName() + "()");
        }
        members.addMethod(method.build());
        return name;
    }

    /** The method copying a search body with another {@code after}: records are immutable. */
    private String cursorCopy(SearchShape shape) {
        String bodyType = shape.bodyType().javaName();
        return cursorCopies.computeIfAbsent(bodyType, type -> {
            String name = members.allocate("withAfter");
            CodeBlock args = RecordWriter.copyArguments(shape.bodyType(), "body", "after", CodeBlock.of("after"));
            members.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(types.className(type))
                    .addParameter(types.className(type), "body")
                    .addParameter(String.class, "after")
                    .addStatement("return new $T($L)", types.className(type), args)
                    .build());
            return name;
        });
    }
}
