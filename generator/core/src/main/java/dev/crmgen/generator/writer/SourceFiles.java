package dev.crmgen.generator.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.model.Field;
import dev.crmgen.generator.model.TypeDecl;

/** Turns a top-level type into a source file, with the annotations every generated top-level type carries. */
final class SourceFiles {
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final String packageName;
    private final AnnotationSpec generated;
    private final boolean deprecates;

    SourceFiles(ApiModel model, String version) {
        this.packageName = model.packageName();
        this.generated = AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", "dev.crmgen.generator.CrmGenerator")
                .addMember("comments", "$S", "crmgen " + version + " from " + model.specName())
                .build();
        this.deprecates = deprecates(model);
    }

    /**
     * Whether the spec deprecates anything: generated code then refers to deprecated types and members itself, which
     * must not warn in a consumer's {@code -Xlint:all -Werror} build (its own uses still warn).
     */
    private static boolean deprecates(ApiModel model) {
        return model.types().values().stream().anyMatch(TypeDecl::deprecated)
                || model.types().values().stream()
                        .filter(t -> t instanceof TypeDecl.RecordDecl)
                        .flatMap(t -> ((TypeDecl.RecordDecl) t).fields().stream())
                        .anyMatch(Field::deprecated);
    }

    /** The source file of {@code type}, annotated {@code @Generated} (and deprecation-quiet when the spec needs it). */
    GeneratedFile file(TypeSpec.Builder type, String simpleName) {
        type.addAnnotation(generated);
        if (deprecates) {
            type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "deprecation")
                    .build());
        }
        JavaFile file = JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        String qualified = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
        return new GeneratedFile(qualified, file.toString());
    }
}
