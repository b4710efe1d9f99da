package dev.crmgen.generator.writer;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.crmgen.generator.model.TypeRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Java type of each model type use, and the names of generated types in the target package. */
final class JavaTypes {
    private final String packageName;

    JavaTypes(String packageName) {
        this.packageName = packageName;
    }

    /** A type generated into the target package. */
    ClassName className(String simpleName) {
        return ClassName.get(packageName, simpleName);
    }

    /** The Java type of a use; {@code primitive} asks for {@code int} rather than {@code Integer} where one exists. */
    TypeName typeName(TypeRef ref, boolean primitive) {
        TypeName boxed = boxed(ref);
        return primitive && isPrimitiveCapable(ref) ? boxed.unbox() : boxed;
    }

    /** The Java type of a use, never primitive: what a nullable value or a type argument needs. */
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
                case JSON_VALUE -> RuntimeTypes.JSON_VALUE;
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

    /** Whether the use has a primitive form: int, long, float, double or boolean. */
    static boolean isPrimitiveCapable(TypeRef ref) {
        return ref instanceof TypeRef.ScalarRef s
                && switch (s.scalar()) {
                    case INT32, INT64, FLOAT, DOUBLE, BOOLEAN -> true;
                    default -> false;
                };
    }
}
