package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.TypeDecl;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@code oneOf} as a sealed interface that its member records implement. The codec reads the value as JSON,
 * picks the member by the discriminator's value and decodes it with that member's codec; any other value becomes
 * {@code Unknown}, which keeps the JSON and writes it back unchanged.
 */
final class OneOfWriter {
    private static final ClassName JSON_OBJECT = Runtime.JSON_VALUE.nestedClass("JsonObject");

    private final Poet poet;
    private final TypeDecl.OneOfDecl decl;
    private final ClassName name;

    OneOfWriter(Poet poet, TypeDecl.OneOfDecl decl) {
        this.poet = poet;
        this.decl = decl;
        this.name = poet.className(decl.javaName());
    }

    GeneratedFile write() {
        ClassName unknown = name.nestedClass("Unknown");
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
        CodeBlock.Builder doc = CodeBlock.builder().add("One of ");
        for (int i = 0; i < decl.members().size(); i++) {
            TypeDecl.OneOfMember m = decl.members().get(i);
            doc.add(i == 0 ? "" : ", ").add("{@link $T} ({@code $L})", poet.className(m.javaName()), Poet.doc(m.tag()));
            type.addPermittedSubclass(poet.className(m.javaName()));
        }
        doc.add(", told apart by {@code $L}; another value of it gives {@link Unknown}.\n", Poet.doc(decl.discriminator()));
        type.addJavadoc(doc.build());
        type.addPermittedSubclass(unknown);
        type.addType(TypeSpec.recordBuilder(unknown)
                .addJavadoc("A member this version does not know, kept as JSON.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(name)
                .recordConstructor(MethodSpec.compactConstructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(ParameterSpec.builder(Runtime.JSON_VALUE, "json").addJavadoc("the value as received\n").build())
                        .addStatement("$T.requireNonNull(json, $S)", Objects.class, "json")
                        .build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("jsonCodec")
                .addJavadoc("The JSON codec choosing the member by {@code $L}.\n", Poet.doc(decl.discriminator()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(Runtime.JSON_CODEC, name))
                .addStatement("return Codec.INSTANCE")
                .build());
        type.addType(codec(unknown));
        return poet.file(type, decl.javaName());
    }

    private TypeSpec codec(ClassName unknown) {
        ClassName codec = name.nestedClass("Codec");
        MethodSpec.Builder read = Poet.codecRead(name)
                .beginControlFlow("if (!$T.expectOrSkip(p, $T.START_OBJECT, $S))", Runtime.JSON_CODECS,
                        Runtime.JSON_TOKEN, "an object")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("$T json = ($T) $T.JSON_VALUE.read(p)", JSON_OBJECT, JSON_OBJECT, Runtime.JSON_CODECS)
                .addComment("The member's codec reads the value again from its bytes, now that the discriminator is known.")
                .addStatement("$T tag = json.members().get($S) instanceof $T s ? s.value() : $S", String.class,
                        decl.discriminator(), Runtime.JSON_VALUE.nestedClass("JsonString"), "")
                .beginControlFlow("switch (tag)");
        for (TypeDecl.OneOfMember m : decl.members()) {
            read.addStatement("case $S: return $T.decode($T.jsonCodec(), $T.encode($T.JSON_VALUE, json))", m.tag(), Runtime.JSON,
                    poet.className(m.javaName()), Runtime.JSON, Runtime.JSON_CODECS);
        }
        read.addStatement("default: return new $T(json)", unknown).endControlFlow();
        MethodSpec.Builder write = Poet.codecWrite(name);
        for (TypeDecl.OneOfMember m : decl.members()) {
            ClassName member = poet.className(m.javaName());
            write.beginControlFlow("if (value instanceof $T member)", member)
                    .addStatement("$T.jsonCodec().write(g, member)", member)
                    .addStatement("return")
                    .endControlFlow();
        }
        write.addStatement("$T.JSON_VALUE.write(g, (($T) value).json())", Runtime.JSON_CODECS, unknown);
        return TypeSpec.classBuilder(codec)
                .addJavadoc("Reads and writes {@link $T}; use {@link #jsonCodec()}.\n", name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(Runtime.JSON_CODEC, name))
                .addField(FieldSpec.builder(codec, "INSTANCE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", codec).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(read.build())
                .addMethod(write.build())
                .build();
    }
}
