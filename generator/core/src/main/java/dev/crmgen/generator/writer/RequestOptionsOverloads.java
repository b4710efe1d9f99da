package dev.crmgen.generator.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.crmgen.generator.naming.MemberNames;
import java.util.function.Function;

/**
 * The per-call options form of the client's methods: each method written through here comes twice, with a trailing
 * {@code RequestOptions} parameter and without it, the same statement with {@code RequestOptions.none()}. It takes a
 * method as a writer built it, signature and javadoc, and its statement as a function of the options, so it applies
 * alike to whatever methods and signatures the writers produce.
 *
 * <p>The plain form states the call itself rather than calling its twin: a self-call would cost the client class two
 * constant-pool entries per method, and an API of thousands of operations needs every one of the JVM's 65,535.
 */
final class RequestOptionsOverloads {
    /** What the plain form passes as its options. */
    static final CodeBlock NONE = CodeBlock.of("$T.none()", RuntimeTypes.REQUEST_OPTIONS);

    private RequestOptionsOverloads() {}

    /**
     * The trailing argument for a runtime method that also has a form without options: nothing for {@link #NONE},
     * else {@code options} after a comma.
     */
    static CodeBlock trailing(CodeBlock options) {
        return options == NONE ? CodeBlock.of("") : CodeBlock.of(",$W$L", options);
    }

    /**
     * Adds the plain method, passing no options, then its form with per-call options to {@code members}.
     *
     * @param plain the method without options: modifiers, annotations, return type, parameters, javadoc and any checks
     *     that come before the call
     * @param statement the options form's one statement, given the expression that names the options
     */
    static void add(ClientMembers members, MethodSpec plain, Function<CodeBlock, CodeBlock> statement) {
        add(members, plain, "for this call only", statement);
    }

    /**
     * As {@link #add(ClientMembers, MethodSpec, Function)}, the options form's javadoc saying which calls the options
     * apply to ({@code appliesTo}, such as "for every page's call").
     */
    static void add(
            ClientMembers members, MethodSpec plain, String appliesTo, Function<CodeBlock, CodeBlock> statement) {
        String options = MemberNames.REQUEST_OPTIONS;
        MethodSpec withOptions = MethodSpec.methodBuilder(plain.name())
                .addJavadoc(
                        "As {@link #$L($L)}, with {@code $L} $L.\n",
                        plain.name(),
                        linkSignature(plain),
                        options,
                        appliesTo)
                .addAnnotations(plain.annotations())
                .addModifiers(plain.modifiers())
                .addTypeVariables(plain.typeVariables())
                .returns(plain.returnType())
                .addParameters(plain.parameters())
                .addParameter(RuntimeTypes.REQUEST_OPTIONS, options)
                .addCode(plain.code())
                .addStatement("$L", statement.apply(CodeBlock.of("$L", options)))
                .build();
        MethodSpec withoutOptions =
                plain.toBuilder().addStatement("$L", statement.apply(NONE)).build();
        members.addMethod(withoutOptions);
        members.addMethod(withOptions);
    }

    /** The parameter types of a {@code {@link}} to {@code method}: raw, as javadoc wants them. */
    static CodeBlock linkSignature(MethodSpec method) {
        return OperationSignature.linkTypes(method.parameters());
    }
}
