package dev.crmgen.generator.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a record's JSON codec as the runtime's {@code RecordCodec} of three parts: a table with, per component, its
 * JSON name, its value codec and its presence rule; a function that builds the record from the decoded values; one
 * that hands out its components as an array. Reading, writing, skipping unknown fields and the missing-property policy
 * live in the runtime, once for all records.
 *
 * <p>Reading follows the runtime's decode mode. Strict, every departure from the schema throws. Tolerant, a value of
 * another type reads as absent (the runtime records it), and a missing required property is recorded too, standing
 * in as an empty list or map, or as null; only what a response cannot do without stays fatal (see
 * {@link #cannotBeAbsent}).
 */
final class RecordCodecWriter {
    /** The record's static field holding its codec; component names start in lower case, so none takes it. */
    static final String CODEC_FIELD = "CODEC";

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

    /**
     * The record's codec field: its table is built on first use (in the runtime), so initialising the record never
     * initialises another record's class, and records that refer to each other, also cyclically, never see a null
     * codec.
     */
    FieldSpec write() {
        boolean unchecked = false;
        List<CodeBlock> args = new ArrayList<>();
        List<CodeBlock> components = new ArrayList<>();
        for (int i = 0; i < record.fields().size(); i++) {
            Field f = record.fields().get(i);
            TypeName type = types.typeName(f.type(), f.required());
            unchecked |= type instanceof ParameterizedTypeName;
            args.add(CodeBlock.of("($T) values[$L]", type, i));
            components.add(CodeBlock.of("value.$L()", f.javaName()));
        }
        FieldSpec.Builder field = FieldSpec.builder(
                ParameterizedTypeName.get(RuntimeTypes.JSON_CODEC, recordName),
                CODEC_FIELD,
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL);
        if (unchecked) {
            field.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked")
                    .build());
        }
        // Explicit type arguments and lambdas of known target types: nothing for javac to infer.
        return field.initializer(CodeBlock.builder()
                        .add("new $T($>$>\n", ParameterizedTypeName.get(RuntimeTypes.RECORD_CODEC, recordName))
                        .add("() -> new $T[] {$>\n", RuntimeTypes.RECORD_PROPERTY)
                        .add(CodeBlock.join(properties(), ",\n"))
                        .add("$<\n},\n")
                        .add("values -> new $T($L),\n", recordName, CodeBlock.join(args, ",$W"))
                        .add("value -> new $T[] {$L})$<$<", Object.class, CodeBlock.join(components, ",$W"))
                        .build())
                .build();
    }

    /** Per component: its presence rule, JSON name and value codec. */
    private List<CodeBlock> properties() {
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
        return rows;
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
