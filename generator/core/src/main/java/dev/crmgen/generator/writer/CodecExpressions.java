package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.model.TypeRef;
import java.io.IOException;
import javax.lang.model.element.Modifier;

/**
 * Every expression generated code uses to read or write JSON: the codec of a type use, and the headers of
 * {@code JsonCodec} implementations.
 *
 * <p>Lists and maps have two codecs. Inside a record they are the record's own collections (lists hold no nulls; a
 * tolerant decode leaves out a null or unreadable element). As a whole request or response body they keep null
 * elements, as the body's JSON has them.
 */
final class CodecExpressions {
    private final JavaTypes types;

    CodecExpressions(JavaTypes types) {
        this.types = types;
    }

    /** Where the codecs of lists and maps come from: the record's own collections, or the body's. */
    private enum Containers {
        RECORD(RuntimeTypes.JSON_CODECS, "listRejectingNulls", RuntimeTypes.RECORD_COLLECTIONS, "mapCodec"),
        BODY(RuntimeTypes.JSON_CODECS, "listAllowingNulls", RuntimeTypes.JSON_CODECS, "mapOf");

        final ClassName listOwner;
        final String listCodec;
        final ClassName mapOwner;
        final String mapCodec;

        Containers(ClassName listOwner, String listCodec, ClassName mapOwner, String mapCodec) {
            this.listOwner = listOwner;
            this.listCodec = listCodec;
            this.mapOwner = mapOwner;
            this.mapCodec = mapCodec;
        }
    }

    /**
     * The codec of a record component's type, or of an element or value inside one. Never kept in a static field:
     * codecs of records that refer to each other would otherwise initialise each other's classes, which can deadlock
     * when two threads decode for the first time (a record's codec table is built on its first use instead).
     */
    CodeBlock componentCodec(TypeRef type) {
        return codec(type, Containers.RECORD);
    }

    /** The codec of a whole request or response body. */
    CodeBlock bodyCodec(TypeRef type) {
        return codec(type, Containers.BODY);
    }

    private CodeBlock codec(TypeRef type, Containers containers) {
        if (type instanceof TypeRef.ListRef l) {
            return CodeBlock.of(
                    "$T.$L($L)", containers.listOwner, containers.listCodec, codec(l.element(), containers));
        }
        if (type instanceof TypeRef.MapRef m) {
            return CodeBlock.of("$T.$L($L)", containers.mapOwner, containers.mapCodec, codec(m.value(), containers));
        }
        if (type instanceof TypeRef.ScalarRef s) {
            return scalarCodec(s.scalar());
        }
        return CodeBlock.of("$T.jsonCodec()", types.className(((TypeRef.NamedRef) type).javaName()));
    }

    /** The runtime's codec of a scalar: {@code JsonCodecs.STRING}, {@code JsonCodecs.JSON_VALUE}… */
    CodeBlock scalarCodec(TypeRef.Scalar scalar) {
        return CodeBlock.of("$T.$L", RuntimeTypes.JSON_CODECS, scalar.name());
    }

    /**
     * A nested {@code Codec} class implementing {@code JsonCodec<type>}, with its one {@code INSTANCE}, created when
     * first used (a codec in a static field of the type itself could deadlock class initialisation between types
     * that refer to each other).
     */
    static TypeSpec.Builder codecClass(TypeName type, Modifier visibility) {
        ClassName codec = ClassName.get("", "Codec");
        return TypeSpec.classBuilder(codec)
                .addModifiers(visibility, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.JSON_CODEC, type))
                .addField(instanceField(codec))
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
    }

    /** The one {@code INSTANCE} of a nested {@code Codec} class. */
    private static FieldSpec instanceField(ClassName codec) {
        return FieldSpec.builder(codec, "INSTANCE", Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T()", codec)
                .build();
    }

    /** The header of a {@code JsonCodec.read} implementation: {@code public T read(JsonParser p)}. */
    static MethodSpec.Builder readMethod(TypeName type) {
        return MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addParameter(RuntimeTypes.JSON_PARSER, "p")
                .addException(IOException.class);
    }

    /** The header of a {@code JsonCodec.write} implementation: {@code public void write(JsonGenerator g, T value)}. */
    static MethodSpec.Builder writeMethod(TypeName type) {
        return MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeTypes.JSON_GENERATOR, "g")
                .addParameter(type, "value")
                .addException(IOException.class);
    }
}
