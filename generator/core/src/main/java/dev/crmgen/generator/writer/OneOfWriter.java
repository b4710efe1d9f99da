package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@code oneOf} as a sealed interface that its member records implement. The codec reads the value as JSON,
 * picks the member by the discriminator's value and decodes it with that member's codec; any other value becomes
 * {@code Unknown}, which keeps the JSON and writes it back unchanged.
 */
final class OneOfWriter {
    private static final ClassName JSON_OBJECT = RuntimeTypes.JSON_VALUE.nestedClass("JsonObject");

    private final JavaTypes types;
    private final CodecExpressions codecs;
    private final SourceFiles files;
    private final TypeDecl.OneOfDecl decl;
    private final ClassName name;

    OneOfWriter(JavaTypes types, CodecExpressions codecs, SourceFiles files, TypeDecl.OneOfDecl decl) {
        this.types = types;
        this.codecs = codecs;
        this.files = files;
        this.decl = decl;
        this.name = types.className(decl.javaName());
    }

    GeneratedFile write() {
        ClassName unknown = name.nestedClass("Unknown");
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
        CodeBlock.Builder doc = CodeBlock.builder().add("One of ");
        for (int i = 0; i < decl.members().size(); i++) {
            TypeDecl.OneOfMember m = decl.members().get(i);
            doc.add(i == 0 ? "" : ", ")
                    .add("{@link $T} ({@code $L})", types.className(m.javaName()), Javadoc.escape(m.tag()));
            type.addPermittedSubclass(types.className(m.javaName()));
        }
        doc.add(
                ", told apart by {@code $L}; another value of it gives {@link Unknown}.\n",
                Javadoc.escape(decl.discriminator()));
        type.addJavadoc(doc.build());
        type.addPermittedSubclass(unknown);
        type.addType(TypeSpec.recordBuilder(unknown)
                .addJavadoc("A member this version does not know, kept as JSON.\n\n@param json the value as received\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(name)
                .recordConstructor(MethodSpec.compactConstructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(RuntimeTypes.JSON_VALUE, "json")
                        .addStatement("$T.requireNonNull(json, $S)", Objects.class, "json")
                        .build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("jsonCodec")
                .addJavadoc("The JSON codec choosing the member by {@code $L}.\n", Javadoc.escape(decl.discriminator()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(RuntimeTypes.JSON_CODEC, name))
                .addStatement("return Codec.INSTANCE")
                .build());
        type.addType(codec(unknown));
        return files.file(type, decl.javaName());
    }

    private TypeSpec codec(ClassName unknown) {
        ClassName codec = name.nestedClass("Codec");
        CodeBlock jsonValueCodec = codecs.scalarCodec(TypeRef.Scalar.JSON_VALUE);
        MethodSpec.Builder read = CodecExpressions.readMethod(name)
                .beginControlFlow(
                        "if (!$T.expectOrSkip(p, $T.START_OBJECT, $S))",
                        RuntimeTypes.JSON_CODECS,
                        RuntimeTypes.JSON_TOKEN,
                        "an object")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("$T json = ($T) $L.read(p)", JSON_OBJECT, JSON_OBJECT, jsonValueCodec)
                .addComment("The member's codec reads the value again from its bytes, now that the discriminator is "
                        + "known.")
                .addStatement(
                        "$T tag = json.members().get($S) instanceof $T s ? s.value() : $S",
                        String.class,
                        decl.discriminator(),
                        RuntimeTypes.JSON_VALUE.nestedClass("JsonString"),
                        "")
                .beginControlFlow("switch (tag)");
        for (TypeDecl.OneOfMember m : decl.members()) {
            read.addStatement(
                    "case $S: return $T.decode($L,$W$T.encode($L, json))",
                    m.tag(),
                    RuntimeTypes.JSON,
                    codecs.componentCodec(new TypeRef.NamedRef(m.javaName())),
                    RuntimeTypes.JSON,
                    jsonValueCodec);
        }
        read.addStatement("default: return new $T(json)", unknown).endControlFlow();
        MethodSpec.Builder write = CodecExpressions.writeMethod(name);
        for (TypeDecl.OneOfMember m : decl.members()) {
            ClassName member = types.className(m.javaName());
            write.beginControlFlow("if (value instanceof $T member)", member)
                    .addStatement("$L.write(g, member)", codecs.componentCodec(new TypeRef.NamedRef(m.javaName())))
                    .addStatement("return")
                    .endControlFlow();
        }
        write.addStatement("$L.write(g, (($T) value).json())", jsonValueCodec, unknown);
        return CodecExpressions.codecClass(name, Modifier.PUBLIC)
                .addJavadoc("Reads and writes {@link $T}; use {@link #jsonCodec()}.\n", name)
                .addMethod(read.build())
                .addMethod(write.build())
                .build();
    }
}
