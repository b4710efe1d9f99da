package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the result of an operation with several success statuses (HubSpot's 200 vs 207): a sealed interface with one
 * record per status, so a caller cannot overlook the partial-failure case.
 */
final class ResponseUnionWriter {
    private static final TypeName DEVIATIONS =
            ParameterizedTypeName.get(ClassName.get(List.class), RuntimeTypes.JSON_DEVIATION);

    private final JavaTypes types;
    private final SourceFiles files;
    private final TypeDecl.ResponseUnionDecl decl;

    ResponseUnionWriter(JavaTypes types, SourceFiles files, TypeDecl.ResponseUnionDecl decl) {
        this.types = types;
        this.files = files;
        this.decl = decl;
    }

    GeneratedFile write() {
        ClassName name = types.className(decl.javaName());
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc(
                        "The success responses of {@code $L}, one record per status: check for the "
                                + "partial-failure ones.\n",
                        Javadoc.escape(decl.description()));
        type.addMethod(MethodSpec.methodBuilder("status")
                .addJavadoc("The HTTP status.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(TypeName.INT)
                .build());
        type.addMethod(MethodSpec.methodBuilder("deviations")
                .addJavadoc("Where the body departed from the spec and was read anyway (path, expected, found, raw "
                        + "value); empty when it matched, and always for a client with strict responses.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(DEVIATIONS)
                .build());
        for (TypeDecl.Variant v : decl.variants()) {
            ClassName variant = name.nestedClass(v.javaName());
            type.addPermittedSubclass(variant);
            TypeSpec.Builder record = TypeSpec.recordBuilder(variant)
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addSuperinterface(name);
            String doc = Javadoc.escape(v.description());
            record.addJavadoc("Status $L$L.\n", v.status(), doc.isEmpty() ? "" : ": " + doc);
            // Component docs go into the record's javadoc only: JavaPoet would repeat parameter docs on the compact
            // constructor.
            MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
            if (v.body() != null) {
                record.addJavadoc("\n@param body the response body\n");
                ctor.addParameter(types.boxed(v.body()), "body");
                ctor.addStatement("$T.requireNonNull(body, $S)", Objects.class, "body");
            }
            if (isJson(v)) {
                record.addJavadoc("@param deviations where the body departed from the spec; empty when it matched\n");
                ctor.addParameter(DEVIATIONS, "deviations");
                ctor.addStatement("deviations = $T.copyOf(deviations)", List.class);
                record.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("A response whose body matched the spec.\n\n@param body the response body\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(types.boxed(v.body()), "body")
                        .addStatement("this(body, $T.of())", List.class)
                        .build());
            } else {
                record.addMethod(MethodSpec.methodBuilder("deviations")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(DEVIATIONS)
                        .addStatement("return $T.of()", List.class)
                        .build());
            }
            record.recordConstructor(ctor.build());
            record.addMethod(MethodSpec.methodBuilder("status")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TypeName.INT)
                    .addStatement("return $L", v.status())
                    .build());
            type.addType(record.build());
        }
        return files.file(type, decl.javaName());
    }

    /** Whether the variant's body is JSON, decoded by a codec (rather than absent or raw bytes). */
    static boolean isJson(TypeDecl.Variant v) {
        return v.body() != null && !v.body().equals(TypeRef.scalar(TypeRef.Scalar.BINARY));
    }
}
