package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.Operation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes an operation's parameter record: one nullable component per optional query or header parameter (null leaves
 * it out of the request), collections copied unmodifiable, a builder with a setter per parameter, and
 * {@code toBuilder()} for a copy with one part changed, such as the next page's cursor.
 */
final class ParameterRecordWriter {
    private final SourceFiles files;
    private final Operation op;
    private final OperationSignature signature;

    ParameterRecordWriter(SourceFiles files, Operation op, OperationSignature signature) {
        this.files = files;
        this.op = op;
        this.signature = signature;
    }

    GeneratedFile write() {
        ClassName name = signature.record();
        TypeSpec.Builder type = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
        addJavadoc(type);
        addComponents(type);
        addBuilder(type, name);
        return files.file(type, name.simpleName());
    }

    private void addJavadoc(TypeSpec.Builder type) {
        type.addJavadoc(
                "The optional parameters of {@code $L $L}; a component left null is not sent.\n"
                        + "\n<p>Build one with {@code $T.builder()}; HubSpot may add parameters, which become new "
                        + "components without changing a call that names the ones it sets.\n\n",
                op.httpMethod(),
                Javadoc.escape(op.path()),
                signature.record());
        for (OperationParameter p : signature.components()) {
            type.addJavadoc(p.javadoc());
        }
    }

    /** A collection parameter is a {@code Collection} in the builder and an unmodifiable {@code List} in the record. */
    private static TypeName componentType(OperationParameter p) {
        return p.type() instanceof ParameterizedTypeName generic && isCollection(generic)
                ? ParameterizedTypeName.get(
                        ClassName.get(List.class), generic.typeArguments().get(0))
                : p.type();
    }

    private static boolean isCollection(ParameterizedTypeName type) {
        return type.rawType().equals(ClassName.get(java.util.Collection.class));
    }

    private void addComponents(TypeSpec.Builder type) {
        MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (OperationParameter p : signature.components()) {
            ctor.addParameter(ParameterSpec.builder(componentType(p), p.name()).build());
            if (!componentType(p).equals(p.type())) {
                ctor.addStatement(
                        "$L = $L == null$W? null$W: $T.immutableList($L)",
                        p.name(),
                        p.name(),
                        RuntimeTypes.RECORD_COLLECTIONS,
                        p.name());
            }
        }
        type.recordConstructor(ctor.build());
    }

    private void addBuilder(TypeSpec.Builder type, ClassName name) {
        ClassName builder = name.nestedClass("Builder");
        type.addMethod(BuilderMethods.builderFactory(builder, "A builder with every parameter left out."));
        MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder")
                .addJavadoc("A builder holding these parameters, for a copy with some of them changed.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addStatement("$T b = new Builder()", builder);
        TypeSpec.Builder b = TypeSpec.classBuilder(builder)
                .addJavadoc(
                        "Builds {@link $T}: one setter per parameter, named after it and documented as its component.\n",
                        name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        List<CodeBlock> args = new ArrayList<>();
        for (OperationParameter p : signature.components()) {
            String n = p.name();
            TypeName stored = componentType(p);
            b.addField(FieldSpec.builder(stored, n, Modifier.PRIVATE).build());
            Class<?> copy = stored.equals(p.type()) ? null : ArrayList.class;
            b.addMethod(BuilderMethods.setter(builder, p.type(), n, copy)
                    .addStatement("return this")
                    .build());
            toBuilder.addStatement("b.$L = $L", n, n);
            args.add(CodeBlock.of("$L", n));
        }
        b.addMethod(BuilderMethods.build(name, "@return the parameters set so far", args));
        type.addMethod(toBuilder.addStatement("return b").build());
        type.addType(b.build());
    }
}
