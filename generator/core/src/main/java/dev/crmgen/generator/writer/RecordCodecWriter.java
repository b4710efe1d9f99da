package dev.crmgen.generator.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a record's JSON codec as a table over the runtime's {@code RecordCodec}: per component its JSON name, its
 * value codec and its presence rule, then one method that builds the record from the decoded values and one that hands
 * out a component by index. Reading, writing, skipping unknown fields and the missing-property policy live in the
 * runtime, once for all records; no lambdas and no generic inference, so that javac has little to do.
 *
 * <p>Reading follows the runtime's decode mode. Strict, every departure from the schema throws. Tolerant, a value of
 * another type reads as absent (the runtime records it), and a missing required property is recorded too, standing
 * in as an empty list or map, or as null; only what a response cannot do without stays fatal (see
 * {@link #cannotBeAbsent}).
 */
final class RecordCodecWriter {
    private final JavaTypes types;
    private final CodecExpressions codecs;
    private final TypeDecl.RecordDecl record;
    private final ClassName recordName;

    RecordCodecWriter(JavaTypes types, CodecExpressions codecs, TypeDecl.RecordDecl record) {
        this.types = types;
        this.codecs = codecs;
        this.record = record;
        this.recordName = types.className(record.javaName());
    }

    TypeSpec write() {
        ClassName codec = ClassName.get("", "Codec");
        return TypeSpec.classBuilder(codec)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RuntimeTypes.RECORD_CODEC, recordName))
                .addField(CodecExpressions.instanceField(codec))
                .addMethod(propertiesMethod())
                .addMethod(createMethod())
                .addMethod(componentMethod())
                .build();
    }

    private MethodSpec propertiesMethod() {
        ArrayTypeName properties = ArrayTypeName.of(RuntimeTypes.RECORD_PROPERTY);
        List<CodeBlock> rows = new ArrayList<>();
        for (Field f : record.fields()) {
            String presence = cannotBeAbsent(f) ? "required" : f.required() ? "tolerated" : "optional";
            rows.add(CodeBlock.of(
                    "$T.$L($S,$W$L)",
                    RuntimeTypes.RECORD_PROPERTY,
                    presence,
                    f.jsonName(),
                    codecs.componentCodec(f.type())));
        }
        return MethodSpec.methodBuilder("properties")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(properties)
                .addCode("return new $T {$>\n", properties)
                .addCode(CodeBlock.join(rows, ",\n"))
                .addCode("$<\n};\n")
                .build();
    }

    private MethodSpec createMethod() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("create")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(recordName)
                .addParameter(Object[].class, "values");
        List<CodeBlock> args = new ArrayList<>();
        boolean unchecked = false;
        for (int i = 0; i < record.fields().size(); i++) {
            Field f = record.fields().get(i);
            TypeName type = types.typeName(f.type(), f.required());
            unchecked |= type instanceof ParameterizedTypeName;
            args.add(CodeBlock.of("($T) values[$L]", type, i));
        }
        if (unchecked) {
            m.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked")
                    .build());
        }
        return m.addStatement("return new $T($L)", recordName, CodeBlock.join(args, ",$W"))
                .build();
    }

    private MethodSpec componentMethod() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("component")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(Object.class)
                .addParameter(recordName, "value")
                .addParameter(int.class, "index")
                .addCode("return switch (index) {\n$>");
        for (int i = 0; i < record.fields().size(); i++) {
            m.addStatement("case $L -> value.$L()", i, record.fields().get(i).javaName());
        }
        return m.addStatement("default -> throw new $T(index)", IndexOutOfBoundsException.class)
                .addCode("$<};\n")
                .build();
    }

    /**
     * Whether a required property stays fatal when missing or unreadable, even in a tolerant decode: an {@code id}
     * or a response's {@code results} (without them nothing can be matched to what was sent), and a number or
     * boolean held in a primitive component, which has no absent value.
     */
    static boolean cannotBeAbsent(Field f) {
        return f.required()
                && (f.jsonName().equals("id")
                        || (f.jsonName().equals("results") && f.type() instanceof TypeRef.ListRef)
                        || JavaTypes.isPrimitiveCapable(f.type()));
    }
}
