package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.naming.JavaNames;
import dev.crmgen.generator.naming.NameTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes a record's reflection-free JSON codec on jackson-core's streaming API: property names pre-encoded as
 * {@code SerializedString}s, a switch on the field name, unknown fields skipped with {@code skipChildren()}, absent
 * optional fields never written.
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
        TypeSpec.Builder codec = CodecExpressions.codecClass(recordName, Modifier.PRIVATE);
        NameTable constants = new NameTable(false);
        constants.reserve("INSTANCE");
        Map<Field, String> nameConstants = new LinkedHashMap<>();
        for (Field f : record.fields()) {
            String constant = constants.allocate(JavaNames.constantName(f.javaName()));
            nameConstants.put(f, constant);
            codec.addField(FieldSpec.builder(
                            RuntimeTypes.SERIALIZED_STRING, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$Znew $T($S)", RuntimeTypes.SERIALIZED_STRING, f.jsonName())
                    .build());
        }
        codec.addMethod(readMethod());
        codec.addMethod(writeMethod(nameConstants));
        return codec.build();
    }

    private MethodSpec readMethod() {
        MethodSpec.Builder m = CodecExpressions.readMethod(recordName);
        m.beginControlFlow(
                        "if (!$T.expectOrSkip(p, $T.START_OBJECT, $S))",
                        RuntimeTypes.JSON_CODECS,
                        RuntimeTypes.JSON_TOKEN,
                        "an object")
                .addStatement("return null")
                .endControlFlow();
        NameTable locals = new NameTable(false);
        locals.reserve("p");
        locals.reserve("field");
        List<String> vars = new ArrayList<>();
        for (Field f : record.fields()) {
            String var = locals.allocate(f.javaName());
            vars.add(var);
            m.addStatement("$T $L = null", types.boxed(f.type()), var);
        }
        m.beginControlFlow("for (String field = p.nextFieldName(); field != null; field = p.nextFieldName())");
        m.beginControlFlow("if (p.nextToken() == $T.VALUE_NULL)", RuntimeTypes.JSON_TOKEN)
                .addComment("null means absent")
                .addStatement("continue")
                .endControlFlow();
        m.beginControlFlow("switch (field)");
        for (int i = 0; i < record.fields().size(); i++) {
            Field f = record.fields().get(i);
            m.addStatement("case $S -> $L =$W$L", f.jsonName(), vars.get(i), codecs.readComponent(f.type()));
        }
        m.addStatement("default -> p.skipChildren()");
        m.endControlFlow();
        m.endControlFlow();
        for (int i = 0; i < record.fields().size(); i++) {
            Field f = record.fields().get(i);
            if (f.required()) {
                m.beginControlFlow("if ($L == null)", vars.get(i));
                if (cannotBeAbsent(f)) {
                    m.addStatement("throw $T.missingRequired(p, $S)", RuntimeTypes.JSON_CODECS, f.jsonName());
                } else if (f.type() instanceof TypeRef.ListRef || f.type() instanceof TypeRef.MapRef) {
                    m.addStatement(
                            "$L = $T.missing(p, $S, $T.of())",
                            vars.get(i),
                            RuntimeTypes.JSON_CODECS,
                            f.jsonName(),
                            f.type() instanceof TypeRef.ListRef ? List.class : Map.class);
                } else {
                    m.addStatement("$T.missing(p, $S)", RuntimeTypes.JSON_CODECS, f.jsonName());
                }
                m.endControlFlow();
            }
        }
        m.addStatement(
                "return new $T($L)",
                recordName,
                CodeBlock.join(vars.stream().map(v -> CodeBlock.of("$L", v)).toList(), ",$W"));
        return m.build();
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

    private MethodSpec writeMethod(Map<Field, String> nameConstants) {
        MethodSpec.Builder m = CodecExpressions.writeMethod(recordName);
        m.addStatement("g.writeStartObject()");
        NameTable locals = new NameTable(false);
        locals.reserve("g");
        locals.reserve("value");
        for (Map.Entry<Field, String> e : nameConstants.entrySet()) {
            Field f = e.getKey();
            if (f.required()) {
                m.addStatement("g.writeFieldName($L)", e.getValue());
                m.addStatement(codecs.writeComponent(f.type(), CodeBlock.of("value.$L()", f.javaName())));
            } else {
                String var = locals.allocate(f.javaName());
                m.addStatement("$T $L = value.$L()", types.boxed(f.type()), var, f.javaName());
                m.beginControlFlow("if ($L != null)", var)
                        .addStatement("g.writeFieldName($L)", e.getValue())
                        .addStatement(codecs.writeComponent(f.type(), CodeBlock.of("$L", var)))
                        .endControlFlow();
            }
        }
        m.addStatement("g.writeEndObject()");
        return m.build();
    }
}
