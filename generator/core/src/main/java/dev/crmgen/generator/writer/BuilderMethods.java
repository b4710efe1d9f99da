package dev.crmgen.generator.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The methods every generated builder has, shared by the records of schemas and of operation parameters. */
final class BuilderMethods {
    private BuilderMethods() {}

    /** The record's {@code static builder()}. */
    static MethodSpec builderFactory(ClassName builder, String javadoc) {
        return MethodSpec.methodBuilder("builder")
                .addJavadoc("$L\n", javadoc)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addStatement("return new $T()", builder)
                .build();
    }

    /**
     * A setter of {@code name} that keeps its own copy of a collection: {@code copyType} is its class ({@code
     * ArrayList}, {@code LinkedHashMap}) or null for a value stored as given. Ends with {@code return this} once the
     * caller has added its javadoc or annotations.
     */
    static MethodSpec.Builder setter(ClassName builder, TypeName type, String name, Class<?> copyType) {
        MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(builder)
                .addParameter(type, name);
        if (copyType == null) {
            return setter.addStatement("this.$L = $L", name, name);
        }
        return setter.addStatement("this.$L = $L == null$W? null$W: new $T<>($L)", name, name, copyType, name);
    }

    /** The builder's {@code build()}: the record's canonical constructor over {@code args}. */
    static MethodSpec build(ClassName record, String javadoc, List<CodeBlock> args) {
        return MethodSpec.methodBuilder("build")
                .addJavadoc("$L\n", javadoc)
                .addModifiers(Modifier.PUBLIC)
                .returns(record)
                .addStatement("return new $T($L)", record, CodeBlock.join(args, ",$W"))
                .build();
    }
}
