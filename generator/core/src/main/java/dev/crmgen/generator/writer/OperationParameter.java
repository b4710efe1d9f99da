package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.crmgen.generator.model.Operation;
import dev.crmgen.generator.model.Parameter;
import dev.crmgen.generator.model.RequestBody;
import dev.crmgen.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One parameter of an operation's client methods and where its value goes in the request. {@link #of} is the one
 * place that orders them (path parameters, then the body or its multipart fields, then query and header parameters),
 * so the method signatures, their javadoc and the request builders always agree.
 *
 * @param name the Java parameter name
 * @param type the Java parameter type
 * @param source what the value is in the request
 */
record OperationParameter(String name, TypeName type, Source source) {
    /** What a parameter's value is in the request. */
    sealed interface Source {}

    /** A path parameter. */
    record Path(Parameter parameter) implements Source {}

    /** A query or header parameter. */
    record QueryOrHeader(Parameter parameter) implements Source {}

    /** One field of a multipart body. */
    record Part(RequestBody.Part part) implements Source {}

    /** The whole request body. */
    record Body(RequestBody body) implements Source {}

    /** The parameters of {@code op}'s methods, in the order they take them. */
    static List<OperationParameter> of(Operation op, JavaTypes types) {
        List<OperationParameter> out = new ArrayList<>();
        for (Parameter p : op.parameters()) {
            if (p.in() == Parameter.Location.PATH) {
                out.add(new OperationParameter(p.javaName(), parameterType(p, types), new Path(p)));
            }
        }
        RequestBody body = op.body();
        if (body != null && body.isMultipart()) {
            for (RequestBody.Part part : body.parts()) {
                TypeName type = part.isFile() ? RuntimeTypes.UPLOAD : types.boxed(part.type());
                out.add(new OperationParameter(part.javaName(), type, new Part(part)));
            }
        } else if (body != null) {
            TypeRef type = body.type() == null ? TypeRef.scalar(TypeRef.Scalar.BINARY) : body.type();
            out.add(new OperationParameter(body.javaName(), types.boxed(type), new Body(body)));
        }
        for (Parameter p : op.parameters()) {
            if (p.in() != Parameter.Location.PATH) {
                out.add(new OperationParameter(p.javaName(), parameterType(p, types), new QueryOrHeader(p)));
            }
        }
        return out;
    }

    private static TypeName parameterType(Parameter p, JavaTypes types) {
        if (p.type() instanceof TypeRef.ListRef list) {
            // Query arrays accept any collection; the runtime repeats the parameter per element.
            return ParameterizedTypeName.get(ClassName.get(Collection.class), types.boxed(list.element()));
        }
        return types.boxed(p.type());
    }

    ParameterSpec spec() {
        return ParameterSpec.builder(type, name).build();
    }

    /** Its {@code @param} line: the spec's description, else its wire name, and whether it may be left out. */
    CodeBlock javadoc() {
        if (source instanceof Path path) {
            return javadoc(path.parameter().description(), path.parameter().name(), true);
        }
        if (source instanceof QueryOrHeader other) {
            return javadoc(
                    other.parameter().description(),
                    other.parameter().name(),
                    other.parameter().required());
        }
        if (source instanceof Part part) {
            return javadoc(
                    part.part().description(), part.part().name(), part.part().required());
        }
        String text = Javadoc.escape(((Body) source).body().description());
        return CodeBlock.of("@param $L $L\n", name, text.isEmpty() ? "the request body" : text);
    }

    private CodeBlock javadoc(String description, String wireName, boolean required) {
        String text = Javadoc.escape(description);
        if (text.isEmpty()) {
            text = "{@code " + Javadoc.escape(wireName) + "}";
        }
        return CodeBlock.of("@param $L $L$L\n", name, text, required ? "" : " (null to leave out)");
    }
}
