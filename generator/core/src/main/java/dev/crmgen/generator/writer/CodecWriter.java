package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import dev.crmgen.generator.naming.JavaNames;
import dev.crmgen.generator.naming.NameTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Writes a record's reflection-free JSON codec on jackson-core's streaming API: property names pre-encoded as
 * {@code SerializedString}s, a switch on the field name, unknown fields skipped with {@code skipChildren()}, absent
 * optional fields never written.
 */
final class CodecWriter {
    private final Poet poet;
    private final TypeDecl.RecordDecl record;
    private final ClassName recordName;
    /** Container helpers by name, so each is written once; sorted for stable output. */
    private final Map<String, MethodSpec> helpers = new TreeMap<>();

    CodecWriter(Poet poet, TypeDecl.RecordDecl record) {
        this.poet = poet;
        this.record = record;
        this.recordName = poet.className(record.javaName());
    }

    TypeSpec write() {
        TypeSpec.Builder codec = TypeSpec.classBuilder("Codec")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(Runtime.JSON_CODEC, recordName));
        codec.addField(FieldSpec.builder(ClassName.get("", "Codec"), "INSTANCE", Modifier.STATIC, Modifier.FINAL)
                .initializer("new Codec()")
                .build());
        NameTable constants = new NameTable(false);
        constants.reserve("INSTANCE");
        Map<Field, String> nameConstants = new LinkedHashMap<>();
        for (Field f : record.fields()) {
            String constant = constants.allocate(JavaNames.constantName(f.javaName()));
            nameConstants.put(f, constant);
            codec.addField(FieldSpec.builder(Runtime.SERIALIZED_STRING, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T($S)", Runtime.SERIALIZED_STRING, f.jsonName())
                    .build());
        }
        codec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        codec.addMethod(readMethod());
        codec.addMethod(writeMethod(nameConstants));
        helpers.values().forEach(codec::addMethod);
        return codec.build();
    }

    private MethodSpec readMethod() {
        MethodSpec.Builder m = Poet.codecRead(recordName);
        m.addStatement("$T.expect(p, $T.START_OBJECT, $S)", Runtime.JSON_CODECS, Runtime.JSON_TOKEN, "an object");
        NameTable locals = new NameTable(false);
        locals.reserve("p");
        locals.reserve("field");
        List<String> vars = new ArrayList<>();
        for (Field f : record.fields()) {
            String var = locals.allocate(f.javaName());
            vars.add(var);
            m.addStatement("$T $L = null", poet.boxed(f.type()), var);
        }
        m.beginControlFlow("for (String field = p.nextFieldName(); field != null; field = p.nextFieldName())");
        m.beginControlFlow("if (p.nextToken() == $T.VALUE_NULL)", Runtime.JSON_TOKEN)
                .addComment("null means absent")
                .addStatement("continue")
                .endControlFlow();
        m.beginControlFlow("switch (field)");
        for (int i = 0; i < record.fields().size(); i++) {
            Field f = record.fields().get(i);
            m.addStatement("case $S -> $L = $L", f.jsonName(), vars.get(i), readExpr(f.type()));
        }
        m.addStatement("default -> p.skipChildren()");
        m.endControlFlow();
        m.endControlFlow();
        for (int i = 0; i < record.fields().size(); i++) {
            Field f = record.fields().get(i);
            if (f.required()) {
                m.beginControlFlow("if ($L == null)", vars.get(i))
                        .addStatement("throw $T.missingRequired(p, $S)", Runtime.JSON_CODECS, f.jsonName())
                        .endControlFlow();
            }
        }
        m.addStatement("return new $T($L)", recordName, String.join(", ", vars));
        return m.build();
    }

    private MethodSpec writeMethod(Map<Field, String> nameConstants) {
        MethodSpec.Builder m = Poet.codecWrite(recordName);
        m.addStatement("g.writeStartObject()");
        NameTable locals = new NameTable(false);
        locals.reserve("g");
        locals.reserve("value");
        for (Map.Entry<Field, String> e : nameConstants.entrySet()) {
            Field f = e.getKey();
            if (f.required()) {
                m.addStatement("g.writeFieldName($L)", e.getValue());
                m.addStatement(writeStmt(f.type(), CodeBlock.of("value.$L()", f.javaName())));
            } else {
                String var = locals.allocate(f.javaName());
                m.addStatement("$T $L = value.$L()", poet.boxed(f.type()), var, f.javaName());
                m.beginControlFlow("if ($L != null)", var)
                        .addStatement("g.writeFieldName($L)", e.getValue())
                        .addStatement(writeStmt(f.type(), CodeBlock.of("$L", var)))
                        .endControlFlow();
            }
        }
        m.addStatement("g.writeEndObject()");
        return m.build();
    }

    /** An expression reading one non-null value of {@code type} at the parser's current token. */
    private CodeBlock readExpr(TypeRef type) {
        if (type instanceof TypeRef.ScalarRef s) {
            return CodeBlock.of("$T.$L.read(p)", Runtime.JSON_CODECS, s.scalar().name());
        }
        if (type instanceof TypeRef.NamedRef n) {
            return CodeBlock.of("$T.jsonCodec().read(p)", poet.className(n.javaName()));
        }
        String name = "read" + Poet.key(type);
        if (!helpers.containsKey(name)) {
            helpers.put(name, null); // reserve before recursing
            helpers.put(name, type instanceof TypeRef.ListRef l ? readList(name, l) : readMap(name, (TypeRef.MapRef) type));
        }
        return CodeBlock.of("$L(p)", name);
    }

    private MethodSpec readList(String name, TypeRef.ListRef list) {
        TypeName listType = poet.boxed(list);
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(listType)
                .addParameter(Runtime.JSON_PARSER, "p")
                .addException(IOException.class)
                .addStatement("$T.expect(p, $T.START_ARRAY, $S)", Runtime.JSON_CODECS, Runtime.JSON_TOKEN, "an array")
                .addStatement("$T list = new $L<>()", listType, RecordWriter.DECODED_LIST)
                .beginControlFlow("while (p.nextToken() != $T.END_ARRAY)", Runtime.JSON_TOKEN)
                .beginControlFlow("if (p.currentToken() == $T.VALUE_NULL)", Runtime.JSON_TOKEN)
                .addStatement("throw $T.mismatch(p, $S)", Runtime.JSON_CODECS, "an element (lists hold no nulls)")
                .endControlFlow()
                .addStatement("list.add($L)", readExpr(list.element()))
                .endControlFlow()
                .addStatement("return list")
                .build();
    }

    private MethodSpec readMap(String name, TypeRef.MapRef map) {
        TypeName mapType = poet.boxed(map);
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(mapType)
                .addParameter(Runtime.JSON_PARSER, "p")
                .addException(IOException.class)
                .addStatement("$T.expect(p, $T.START_OBJECT, $S)", Runtime.JSON_CODECS, Runtime.JSON_TOKEN, "an object")
                .addStatement("$T map = new $L<>()", mapType, RecordWriter.DECODED_MAP)
                .beginControlFlow("for (String key = p.nextFieldName(); key != null; key = p.nextFieldName())")
                .addStatement("map.put(key, p.nextToken() == $T.VALUE_NULL ? null : $L)", Runtime.JSON_TOKEN, readExpr(map.value()))
                .endControlFlow()
                .addStatement("return map")
                .build();
    }

    /** A statement writing one non-null value. */
    private CodeBlock writeStmt(TypeRef type, CodeBlock value) {
        if (type instanceof TypeRef.ScalarRef s) {
            return switch (s.scalar()) {
                case STRING -> CodeBlock.of("g.writeString($L)", value);
                case INT32, INT64, FLOAT, DOUBLE, DECIMAL -> CodeBlock.of("g.writeNumber($L)", value);
                case BOOLEAN -> CodeBlock.of("g.writeBoolean($L)", value);
                default -> CodeBlock.of("$T.$L.write(g, $L)", Runtime.JSON_CODECS, s.scalar().name(), value);
            };
        }
        if (type instanceof TypeRef.NamedRef n) {
            return CodeBlock.of("$T.jsonCodec().write(g, $L)", poet.className(n.javaName()), value);
        }
        String name = "write" + Poet.key(type);
        if (!helpers.containsKey(name)) {
            helpers.put(name, null);
            helpers.put(name, type instanceof TypeRef.ListRef l ? writeList(name, l) : writeMap(name, (TypeRef.MapRef) type));
        }
        return CodeBlock.of("$L(g, $L)", name, value);
    }

    private MethodSpec writeList(String name, TypeRef.ListRef list) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Runtime.JSON_GENERATOR, "g")
                .addParameter(poet.boxed(list), "list")
                .addException(IOException.class)
                .addStatement("g.writeStartArray()")
                .beginControlFlow("for ($T element : list)", poet.boxed(list.element()))
                .addStatement(writeStmt(list.element(), CodeBlock.of("element")))
                .endControlFlow()
                .addStatement("g.writeEndArray()")
                .build();
    }

    private MethodSpec writeMap(String name, TypeRef.MapRef map) {
        TypeName entry = ParameterizedTypeName.get(ClassName.get(Map.Entry.class), ClassName.get(String.class), poet.boxed(map.value()));
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Runtime.JSON_GENERATOR, "g")
                .addParameter(poet.boxed(map), "map")
                .addException(IOException.class)
                .addStatement("g.writeStartObject()")
                .beginControlFlow("for ($T entry : map.entrySet())", entry)
                .addStatement("g.writeFieldName(entry.getKey())")
                .beginControlFlow("if (entry.getValue() == null)")
                .addStatement("g.writeNull()")
                .nextControlFlow("else")
                .addStatement(writeStmt(map.value(), CodeBlock.of("entry.getValue()")))
                .endControlFlow()
                .endControlFlow()
                .addStatement("g.writeEndObject()")
                .build();
    }
}
