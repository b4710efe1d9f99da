package dev.crmgen.processor;

import com.google.auto.service.AutoService;
import dev.crmgen.generator.CrmGenerator;
import dev.crmgen.generator.Diagnostic;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Generates records, codecs and a client for each {@code @GenerateClient}. A thin front door: finding the spec and
 * reporting are here, everything else is {@link CrmGenerator}. The annotation is matched by name, so the runtime need
 * not be on the processor path.
 */
@AutoService(Processor.class)
public final class CrmgenProcessor extends AbstractProcessor {
    static final String ANNOTATION = "dev.crmgen.runtime.GenerateClient";
    /** Carried by every generated type; claimed so that consumers' -Xlint:all -Werror builds see no unclaimed annotation. */
    static final String GENERATED = "javax.annotation.processing.Generated";
    /** {@code -Acrmgen.lenientRefs=true}: a schema $ref that does not resolve becomes JsonValue with a warning. */
    static final String LENIENT_REFS_OPTION = "crmgen.lenientRefs";

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ANNOTATION, GENERATED);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(SpecLocator.SPEC_ROOT_OPTION, LENIENT_REFS_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Reporter reporter = new Reporter(processingEnv.getMessager());
        for (TypeElement annotation : annotations) {
            if (!annotation.getQualifiedName().contentEquals(ANNOTATION)) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                try {
                    generate(element, mirror(element), reporter);
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    reporter.internalError(e, element);
                }
            }
        }
        return true; // the annotation is ours; claiming it keeps -Xlint:processing quiet
    }

    private static AnnotationMirror mirror(Element element) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(ANNOTATION)) {
                return m;
            }
        }
        throw new IllegalStateException("no @GenerateClient on " + element);
    }

    private void generate(Element element, AnnotationMirror mirror, Reporter reporter) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                processingEnv.getElementUtils().getElementValuesWithDefaults(mirror);
        AnnotationValue specValue = value(values, "spec");
        AnnotationValue packageValue = value(values, "packageName");
        AnnotationValue clientValue = value(values, "clientName");
        String spec = specValue == null ? "" : String.valueOf(specValue.getValue());
        String packageName = packageValue == null ? "" : String.valueOf(packageValue.getValue());
        String clientName = clientValue == null ? "" : String.valueOf(clientValue.getValue());

        SpecLocator locator = new SpecLocator(processingEnv.getOptions().get(SpecLocator.SPEC_ROOT_OPTION),
                processingEnv.getFiler(), CrmgenProcessor.class.getClassLoader());
        List<String> tried = new ArrayList<>();
        SpecSource source = spec.isBlank() ? null : locator.locate(spec, tried);
        if (source == null) {
            reporter.error("[CrmgenSpecNotFound] spec '" + spec + "' not found; looked at: " + String.join(", ", tried)
                    + ". Give a path relative to the project (or to -A" + SpecLocator.SPEC_ROOT_OPTION
                    + "=<dir>), or put a jar holding it on annotationProcessorPaths.", element, mirror, specValue);
            return;
        }
        boolean lenientRefs = Boolean.parseBoolean(processingEnv.getOptions().get(LENIENT_REFS_OPTION));
        GenerationResult result = CrmGenerator.generate(source, new GeneratorOptions(packageName, clientName, lenientRefs));
        for (Diagnostic d : result.diagnostics()) {
            AnnotationValue cause = switch (d.tag()) {
                case "CrmgenInvalidPackage" -> packageValue;
                case "CrmgenInvalidClientName" -> clientValue;
                case "CrmgenNameCollision" -> d.message().contains("clientName") && !clientName.isBlank() ? clientValue : specValue;
                default -> specValue;
            };
            Kind kind = switch (d.severity()) {
                case ERROR -> Kind.ERROR;
                case WARNING -> Kind.WARNING;
                case NOTE -> Kind.NOTE;
            };
            reporter.report(kind, d.format(), element, mirror, cause);
        }
        if (result.hasErrors()) {
            return;
        }
        for (GeneratedFile file : result.files()) {
            try (Writer out = processingEnv.getFiler().createSourceFile(file.qualifiedName(), element).openWriter()) {
                out.write(file.source());
            } catch (IOException e) {
                reporter.error("[CrmgenWriteFailed] cannot write " + file.qualifiedName() + ": " + e.getMessage()
                        + "; is the same packageName used by two @GenerateClient annotations?", element, mirror, packageValue);
            }
        }
    }

    private static AnnotationValue value(Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
