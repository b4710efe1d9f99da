package dev.crmgen.generator.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The client's {@code application/x-www-form-urlencoded} encoders: one private method per form record, written once
 * however many operations send it.
 */
final class FormEncoders {
    private final ApiModel model;
    private final JavaTypes types;
    /** Encoders by record name. */
    private final Map<String, MethodSpec> encoders = new TreeMap<>();

    FormEncoders(ApiModel model, JavaTypes types) {
        this.model = model;
        this.types = types;
    }

    /** The name of the method encoding a form record, writing the method on first use. */
    String encoderOf(TypeRef type) {
        String recordName = ((TypeRef.NamedRef) type).javaName();
        String name = "formOf";
        if (!encoders.containsKey(recordName)) {
            encoders.put(recordName, encoder(name, (TypeDecl.RecordDecl) model.type(recordName)));
        }
        return name;
    }

    /** The encoders written so far. */
    Collection<MethodSpec> methods() {
        return encoders.values();
    }

    /** Writes a record of scalars as form pairs; absent fields are left out, list fields give a pair per element. */
    private MethodSpec encoder(String name, TypeDecl.RecordDecl record) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ArrayTypeName.of(TypeName.BYTE))
                .addParameter(types.className(record.javaName()), "body")
                .addStatement("$T form = new $T($S)", StringJoiner.class, StringJoiner.class, "&");
        for (Field f : record.fields()) {
            boolean list = f.type() instanceof TypeRef.ListRef;
            CodeBlock value = list ? CodeBlock.of("value") : CodeBlock.of("body.$L()", f.javaName());
            CodeBlock add = CodeBlock.of(
                    "form.add($S + $T.encode($T.valueOf($L), $T.UTF_8))",
                    encodedKey(f.jsonName()),
                    URLEncoder.class,
                    String.class,
                    value,
                    StandardCharsets.class);
            boolean nullable = list || !f.required() || !JavaTypes.isPrimitiveCapable(f.type());
            if (nullable) {
                m.beginControlFlow("if (body.$L() != null)", f.javaName());
            }
            if (list) {
                m.beginControlFlow(
                                "for ($T value : body.$L())",
                                types.boxed(((TypeRef.ListRef) f.type()).element()),
                                f.javaName())
                        .addStatement(add)
                        .endControlFlow();
            } else {
                m.addStatement(add);
            }
            if (nullable) {
                m.endControlFlow();
            }
        }
        m.addStatement("return form.toString().getBytes($T.UTF_8)", StandardCharsets.class);
        return m.build();
    }

    /** The encoded key of a form pair, {@code key=}, computed now since keys are constants. */
    private static String encodedKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8) + "=";
    }
}
