package dev.crmgen.generator.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;
import dev.crmgen.generator.model.TypeRef;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.lang.model.element.Modifier;

/** What every writer shares: Java types for model types, javadoc escaping, {@code @Generated}, file assembly. */
final class Poet {
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final ApiModel model;
    private final String version;

    private final boolean deprecates;

    Poet(ApiModel model, String version) {
        this.model = model;
        this.version = version;
        this.deprecates = deprecates();
    }

    ApiModel model() {
        return model;
    }

    ClassName className(String simpleName) {
        return ClassName.get(model.packageName(), simpleName);
    }

    /** The Java type of a use; {@code primitive} asks for {@code int} rather than {@code Integer} where one exists. */
    TypeName typeName(TypeRef ref, boolean primitive) {
        TypeName boxed = boxed(ref);
        if (primitive && ref instanceof TypeRef.ScalarRef s) {
            switch (s.scalar()) {
                case INT32, INT64, FLOAT, DOUBLE, BOOLEAN:
                    return boxed.unbox();
                default:
                    break;
            }
        }
        return boxed;
    }

    TypeName boxed(TypeRef ref) {
        if (ref instanceof TypeRef.ScalarRef s) {
            return switch (s.scalar()) {
                case STRING -> ClassName.get(String.class);
                case INT32 -> ClassName.get(Integer.class);
                case INT64 -> ClassName.get(Long.class);
                case FLOAT -> ClassName.get(Float.class);
                case DOUBLE -> ClassName.get(Double.class);
                case DECIMAL -> ClassName.get(BigDecimal.class);
                case BOOLEAN -> ClassName.get(Boolean.class);
                case DATE_TIME -> ClassName.get(OffsetDateTime.class);
                case DATE -> ClassName.get(LocalDate.class);
                case UUID -> ClassName.get(UUID.class);
                case JSON_VALUE -> Runtime.JSON_VALUE;
                case BINARY -> ArrayTypeName.of(TypeName.BYTE);
            };
        }
        if (ref instanceof TypeRef.ListRef l) {
            return ParameterizedTypeName.get(ClassName.get(List.class), boxed(l.element()));
        }
        if (ref instanceof TypeRef.MapRef m) {
            return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), boxed(m.value()));
        }
        return className(((TypeRef.NamedRef) ref).javaName());
    }

    static boolean isPrimitiveCapable(TypeRef ref) {
        return ref instanceof TypeRef.ScalarRef s && switch (s.scalar()) {
            case INT32, INT64, FLOAT, DOUBLE, BOOLEAN -> true;
            default -> false;
        };
    }

    AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", "dev.crmgen.generator.CrmGenerator")
                .addMember("comments", "$S", "crmgen " + version + " from " + model.specName())
                .build();
    }

    /**
     * Whether the spec deprecates anything: generated code then refers to deprecated types and members itself, which
     * must not warn in a consumer's {@code -Xlint:all -Werror} build (its own uses still warn).
     */
    private boolean deprecates() {
        return model.types().values().stream().anyMatch(TypeDecl::deprecated)
                || model.types().values().stream()
                        .filter(t -> t instanceof TypeDecl.RecordDecl)
                        .flatMap(t -> ((TypeDecl.RecordDecl) t).fields().stream())
                        .anyMatch(Field::deprecated);
    }

    /** Builds the file; annotations every top-level type carries are added here. */
    GeneratedFile file(TypeSpec.Builder type, String simpleName) {
        type.addAnnotation(generated());
        if (deprecates) {
            type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build());
        }
        TypeSpec spec = type.build();
        JavaFile file = JavaFile.builder(model.packageName(), spec)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        String qualified = model.packageName().isEmpty() ? simpleName : model.packageName() + "." + simpleName;
        return new GeneratedFile(qualified, file.toString());
    }

    /** Javadoc text with the sequences that would end the comment or start a unicode escape neutralised. */
    static String doc(String text) {
        if (text == null) {
            return "";
        }
        return text.strip()
                .replace("\r\n", "\n")
                .replace("*/", "*&#47;")
                .replace("/*", "&#47;*")
                .replace("\\", "&#92;")
                .replace("@", "&#64;");
    }

    /** A javadoc block: the text, then a blank line; empty when there is no text. */
    static CodeBlock docBlock(String... paragraphs) {
        CodeBlock.Builder b = CodeBlock.builder();
        boolean first = true;
        for (String p : paragraphs) {
            if (p == null || p.isBlank()) {
                continue;
            }
            if (!first) {
                b.add("\n<p>");
            }
            b.add("$L\n", doc(p));
            first = false;
        }
        return b.build();
    }

    /** The header of a {@code JsonCodec.read} implementation: {@code public T read(JsonParser p) throws IOException}. */
    static MethodSpec.Builder codecRead(TypeName type) {
        return MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addParameter(Runtime.JSON_PARSER, "p")
                .addException(IOException.class);
    }

    /** The header of a {@code JsonCodec.write} implementation: {@code public void write(JsonGenerator g, T value)}. */
    static MethodSpec.Builder codecWrite(TypeName type) {
        return MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Runtime.JSON_GENERATOR, "g")
                .addParameter(type, "value")
                .addException(IOException.class);
    }

    /** A name for a container helper: {@code ListOfString}, {@code MapOfListOfString}. */
    static String key(TypeRef ref) {
        if (ref instanceof TypeRef.ScalarRef s) {
            return switch (s.scalar()) {
                case STRING -> "String";
                case INT32 -> "Int32";
                case INT64 -> "Int64";
                case FLOAT -> "Float";
                case DOUBLE -> "Double";
                case DECIMAL -> "Decimal";
                case BOOLEAN -> "Boolean";
                case DATE_TIME -> "DateTime";
                case DATE -> "Date";
                case UUID -> "Uuid";
                case JSON_VALUE -> "JsonValue";
                case BINARY -> "Bytes";
            };
        }
        if (ref instanceof TypeRef.ListRef l) {
            return "ListOf" + key(l.element());
        }
        if (ref instanceof TypeRef.MapRef m) {
            return "MapOf" + key(m.value());
        }
        return ((TypeRef.NamedRef) ref).javaName();
    }
}
