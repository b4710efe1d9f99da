package dev.crmgen.processor;

import com.google.auto.service.AutoService;
import dev.crmgen.generator.CrmGenerator;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.generator.diagnostic.Diagnostic;
import dev.crmgen.generator.diagnostic.Tags;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
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

    /** The shared pipeline; tests substitute failures that cannot be provoked safely, such as running out of heap. */
    private final BiFunction<SpecSource, GeneratorOptions, GenerationResult> generator;

    /** How many specs of one round generate at once: by default one per processor. */
    private final int parallelism;

    /** The processor javac finds through {@code META-INF/services}. */
    public CrmgenProcessor() {
        this(CrmGenerator::generate);
    }

    CrmgenProcessor(BiFunction<SpecSource, GeneratorOptions, GenerationResult> generator) {
        this(generator, Runtime.getRuntime().availableProcessors());
    }

    CrmgenProcessor(BiFunction<SpecSource, GeneratorOptions, GenerationResult> generator, int parallelism) {
        this.generator = generator;
        this.parallelism = parallelism;
    }

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
        List<Job> jobs = new ArrayList<>();
        for (TypeElement annotation : annotations) {
            if (!annotation.getQualifiedName().contentEquals(ANNOTATION)) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                AnnotationMirror mirror = mirror(element);
                try {
                    jobs.add(prepare(element, mirror, reporter));
                } catch (RuntimeException | Error e) {
                    reporter.internalError(e, specOf(mirror), element, mirror);
                }
            }
        }
        List<ParallelGeneration.Request> requests = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            requests.add(job.generation());
        }
        List<ParallelGeneration.Outcome> outcomes = ParallelGeneration.run(requests, generator, parallelism);
        // Reported and written on javac's thread, in the order of the annotations, whatever order generation ended in.
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            ParallelGeneration.Outcome outcome = outcomes.get(i);
            if (outcome == null) {
                continue;
            }
            // Running out of heap included: javac must report it on the annotation, not crash.
            Throwable failure = outcome.failure();
            if (failure == null) {
                try {
                    emit(job, outcome.result(), reporter);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
            if (failure != null) {
                reporter.internalError(failure, specOf(job.mirror()), job.element(), job.mirror());
            }
        }
        return true; // the annotation is ours; claiming it keeps -Xlint:processing quiet
    }

    private static AnnotationMirror mirror(Element element) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(ANNOTATION)) {
                return m;
            }
        }
        throw new IllegalStateException("no @GenerateClient on " + element);
    }

    /** The annotation's {@code spec} as written, for messages that must not depend on anything else working. */
    private static String specOf(AnnotationMirror mirror) {
        AnnotationValue spec = value(mirror.getElementValues(), "spec");
        return spec == null ? "" : String.valueOf(spec.getValue());
    }

    /**
     * One {@code @GenerateClient}: where it is, its values, and what to generate; {@code generation} is null when the
     * spec was not found (already reported).
     */
    private record Job(
            Element element,
            AnnotationMirror mirror,
            AnnotationValue specValue,
            AnnotationValue packageValue,
            AnnotationValue clientValue,
            ParallelGeneration.Request generation) {}

    /** Reads the annotation and finds its spec, on javac's thread: the filer is not to be shared. */
    private Job prepare(Element element, AnnotationMirror mirror, Reporter reporter) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                processingEnv.getElementUtils().getElementValuesWithDefaults(mirror);
        AnnotationValue specValue = value(values, "spec");
        AnnotationValue packageValue = value(values, "packageName");
        AnnotationValue clientValue = value(values, "clientName");
        String spec = specValue == null ? "" : String.valueOf(specValue.getValue());
        String packageName = packageValue == null ? "" : String.valueOf(packageValue.getValue());
        String clientName = clientValue == null ? "" : String.valueOf(clientValue.getValue());

        SpecLocator locator = new SpecLocator(
                processingEnv.getOptions().get(SpecLocator.SPEC_ROOT_OPTION),
                processingEnv.getFiler(),
                CrmgenProcessor.class.getClassLoader());
        List<String> tried = new ArrayList<>();
        SpecSource source = spec.isBlank() ? null : locator.locate(spec, tried);
        if (source == null) {
            reporter.error(
                    Tags.SPEC_NOT_FOUND,
                    "spec '" + spec + "' not found; looked at: " + String.join(", ", tried)
                            + ". Give a path relative to the project (or to -A" + SpecLocator.SPEC_ROOT_OPTION
                            + "=<dir>), or put a jar holding it on annotationProcessorPaths.",
                    element,
                    mirror,
                    specValue);
            return new Job(element, mirror, specValue, packageValue, clientValue, null);
        }
        boolean lenientRefs = Boolean.parseBoolean(processingEnv.getOptions().get(LENIENT_REFS_OPTION));
        return new Job(
                element,
                mirror,
                specValue,
                packageValue,
                clientValue,
                new ParallelGeneration.Request(source, new GeneratorOptions(packageName, clientName, lenientRefs)));
    }

    /** Reports a generation's diagnostics on the annotation and writes its files unless it has errors. */
    private void emit(Job job, GenerationResult result, Reporter reporter) {
        Element element = job.element();
        AnnotationMirror mirror = job.mirror();
        for (Diagnostic d : result.diagnostics()) {
            AnnotationValue cause = switch (d.input()) {
                case PACKAGE_NAME -> job.packageValue();
                case CLIENT_NAME -> job.clientValue();
                case SPEC -> job.specValue();
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
            try (Writer out = processingEnv
                    .getFiler()
                    .createSourceFile(file.qualifiedName(), element)
                    .openWriter()) {
                out.write(file.source());
            } catch (IOException e) {
                reporter.error(
                        Tags.WRITE_FAILED,
                        "cannot write " + file.qualifiedName() + ": " + e.getMessage()
                                + "; is the same packageName used by two @GenerateClient annotations?",
                        element,
                        mirror,
                        job.packageValue());
            }
        }
    }

    private static AnnotationValue value(
            Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
