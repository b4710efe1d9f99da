package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.TypeDecl;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the result of an operation with several success statuses (HubSpot's 200 vs 207): a sealed interface with one
 * record per status, so a caller cannot overlook the partial-failure case.
 */
final class UnionWriter {
    private final Poet poet;
    private final TypeDecl.ResponseUnionDecl decl;

    UnionWriter(Poet poet, TypeDecl.ResponseUnionDecl decl) {
        this.poet = poet;
        this.decl = decl;
    }

    GeneratedFile write() {
        ClassName name = poet.className(decl.javaName());
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addJavadoc("The success responses of {@code $L}, one record per status: check for the partial-failure ones.\n",
                        Poet.doc(decl.description()));
        type.addMethod(MethodSpec.methodBuilder("status")
                .addJavadoc("The HTTP status.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(TypeName.INT)
                .build());
        for (TypeDecl.Variant v : decl.variants()) {
            ClassName variant = name.nestedClass(v.javaName());
            type.addPermittedSubclass(variant);
            TypeSpec.Builder record = TypeSpec.recordBuilder(variant)
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addSuperinterface(name);
            String doc = Poet.doc(v.description());
            record.addJavadoc("Status $L$L.\n", v.status(), doc.isEmpty() ? "" : ": " + doc);
            MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
            if (v.body() != null) {
                ctor.addParameter(ParameterSpec.builder(poet.boxed(v.body()), "body").addJavadoc("the response body\n").build());
                ctor.addStatement("$T.requireNonNull(body, $S)", Objects.class, "body");
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
        return poet.file(type, decl.javaName());
    }

    static CodeBlock constructorRef(Poet poet, TypeDecl.ResponseUnionDecl decl, TypeDecl.Variant v) {
        return CodeBlock.of("$T::new", poet.className(decl.javaName()).nestedClass(v.javaName()));
    }
}
