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
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.naming.BuilderAdders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes one record per object schema: required components checked in the compact constructor, optional ones nullable
 * (null means absent), lists and maps copied unmodifiable, a builder when {@link dev.crmgen.generator.model.BuilderRule}
 * says so, and {@code jsonCodec()}.
 */
final class RecordWriter {
    private final JavaTypes types;
    private final CodecExpressions codecs;
    private final SourceFiles files;
    private final TypeDecl.RecordDecl record;
    private final ClassName name;

    private final List<String> unions;
    private final boolean builder;
    private final BuilderAdders adders;

    /**
     * @param unions the oneOf interfaces this record is a member of
     * @param builder whether it gets a builder ({@link dev.crmgen.generator.model.BuilderRule})
     */
    RecordWriter(
            JavaTypes types,
            CodecExpressions codecs,
            SourceFiles files,
            TypeDecl.RecordDecl record,
            List<String> unions,
            boolean builder) {
        this.types = types;
        this.codecs = codecs;
        this.files = files;
        this.record = record;
        this.name = types.className(record.javaName());
        this.unions = unions;
        this.builder = builder;
        this.adders = BuilderAdders.of(record.fields());
    }

    GeneratedFile write() {
        TypeSpec.Builder type = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC);
        for (String union : unions) {
            type.addSuperinterface(types.className(union));
        }
        addJavadoc(type);
        addDeprecation(type);
        addComponents(type);
        if (builder) {
            addBuilder(type);
        }
        addCodec(type);
        return files.file(type, record.javaName());
    }

    private void addJavadoc(TypeSpec.Builder type) {
        CodeBlock doc = Javadoc.paragraphs(record.description());
        type.addJavadoc(
                doc.isEmpty() ? CodeBlock.of("The {@code $L} schema.\n", Javadoc.escape(record.pointer())) : doc);
    }

    private void addDeprecation(TypeSpec.Builder type) {
        if (record.deprecated()) {
            type.addAnnotation(Deprecated.class);
        }
    }

    private TypeName componentType(Field f) {
        return types.typeName(f.type(), f.required());
    }

    private void addComponents(TypeSpec.Builder type) {
        MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        for (Field f : record.fields()) {
            ParameterSpec.Builder p = ParameterSpec.builder(componentType(f), f.javaName());
            String doc = Javadoc.escape(f.description());
            // Written into the record's own javadoc: parameter javadoc would be repeated on the compact constructor.
            type.addJavadoc(
                    "$L@param $L $L\n",
                    f == record.fields().get(0) ? "\n" : "",
                    f.javaName(),
                    (doc.isEmpty() ? "the {@code " + Javadoc.escape(f.jsonName()) + "} property" : doc)
                            + (f.required() ? "" : " (null when absent)"));
            if (f.deprecated()) {
                // javac ignores @Deprecated on a record component; the accessor carries it instead.
                type.addMethod(MethodSpec.methodBuilder(f.javaName())
                        .addJavadoc(
                                "@return $L\n",
                                doc.isEmpty() ? "the {@code " + Javadoc.escape(f.jsonName()) + "} property" : doc)
                        .addAnnotation(Deprecated.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(componentType(f))
                        .addStatement("return $L", f.javaName())
                        .build());
            }
            ctor.addParameter(p.build());
            addCheckOrCopy(ctor, f);
        }
        type.recordConstructor(ctor.build());
    }

    private void addCheckOrCopy(MethodSpec.Builder ctor, Field f) {
        String n = f.javaName();
        boolean list = f.type() instanceof TypeRef.ListRef;
        boolean map = f.type() instanceof TypeRef.MapRef;
        if (f.required() && !componentType(f).isPrimitive()) {
            // A tolerant decode may leave a required object or string null (its deviation says why); lists and maps
            // then stand in empty, and what a decode cannot do without is never null.
            boolean decodedNull = !list && !map && !RecordCodecWriter.cannotBeAbsent(f);
            ClassName check = decodedNull ? RuntimeTypes.RECORD_COMPONENTS : ClassName.get(Objects.class);
            ctor.addStatement("$T.requireNonNull($L, $S)", check, n, n);
        }
        if (!list && !map) {
            return;
        }
        CodeBlock copy =
                CodeBlock.of("$T.$L($L)", RuntimeTypes.RECORD_COLLECTIONS, list ? "immutableList" : "immutableMap", n);
        if (f.required()) {
            ctor.addStatement("$L = $L", n, copy);
        } else {
            ctor.addStatement("$L = $L == null$W? null$W: $L", n, n, copy);
        }
    }

    private void addBuilder(TypeSpec.Builder type) {
        ClassName builder = name.nestedClass("Builder");
        type.addMethod(BuilderMethods.builderFactory(
                builder,
                "A builder; unset components stay absent. (Records a request can carry get one when some are "
                        + "optional.)"));
        TypeSpec.Builder b = TypeSpec.classBuilder(builder)
                // One line: the setters and adders are named after the components they set.
                .addJavadoc("Builds {@link $T}; {@link #build()} checks the required components.\n", name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        b.addMethod(
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<CodeBlock> args = new ArrayList<>();
        for (Field f : record.fields()) {
            TypeName t = types.boxed(f.type());
            String n = f.javaName();
            b.addField(FieldSpec.builder(t, n, Modifier.PRIVATE).build());
            Class<?> copy = f.type() instanceof TypeRef.ListRef
                    ? ArrayList.class
                    : f.type() instanceof TypeRef.MapRef ? LinkedHashMap.class : null;
            MethodSpec.Builder setter = BuilderMethods.setter(builder, t, n, copy);
            if (f.deprecated()) {
                setter.addAnnotation(Deprecated.class);
            }
            b.addMethod(setter.addStatement("return this").build());
            addAdder(b, builder, f);
            if (f.required() && componentType(f).isPrimitive()) {
                args.add(CodeBlock.of("$T.requireNonNull($L, $S)", Objects.class, n, n));
            } else {
                args.add(CodeBlock.of("$L", n));
            }
        }
        b.addMethod(
                BuilderMethods.build(name, "@throws NullPointerException when a required component is unset", args));
        type.addType(b.build());
    }

    private void addAdder(TypeSpec.Builder b, ClassName builder, Field f) {
        String n = f.javaName();
        if (f.type() instanceof TypeRef.ListRef list) {
            b.addMethod(MethodSpec.methodBuilder(adders.adder(f))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(types.boxed(list.element()), "element")
                    .addStatement(
                            "(this.$1L == null ? this.$1L = new $2T<>() : this.$1L).add(element)", n, ArrayList.class)
                    .addStatement("return this")
                    .build());
        } else if (f.type() instanceof TypeRef.MapRef map) {
            b.addMethod(MethodSpec.methodBuilder(adders.adder(f))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(String.class, "key")
                    .addParameter(types.boxed(map.value()), "value")
                    .addStatement(
                            "(this.$1L == null ? this.$1L = new $2T<>() : this.$1L).put(key, value)",
                            n,
                            LinkedHashMap.class)
                    .addStatement("return this")
                    .build());
        }
    }

    private void addCodec(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("jsonCodec")
                .addJavadoc("The reflection-free JSON codec of this record.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(RuntimeTypes.JSON_CODEC, name))
                .addStatement("return $L", RecordCodecWriter.CODEC_FIELD)
                .build());
        type.addField(new RecordCodecWriter(types, codecs, record).write());
    }

    /**
     * The canonical constructor's arguments that copy record {@code source} of type {@code record} with the component
     * of JSON name {@code replaced} given as {@code replacement}: generated records have no copy-with.
     */
    static CodeBlock copyArguments(TypeDecl.RecordDecl record, String source, String replaced, CodeBlock replacement) {
        List<CodeBlock> args = new ArrayList<>(record.fields().size());
        for (Field f : record.fields()) {
            args.add(f.jsonName().equals(replaced) ? replacement : CodeBlock.of("$L.$L()", source, f.javaName()));
        }
        return CodeBlock.join(args, ",$W");
    }
}
