package dev.crmgen.generator;

import dev.crmgen.generator.diagnostic.Problems;
import dev.crmgen.generator.diagnostic.Tags;
import dev.crmgen.generator.model.ApiModel;
import dev.crmgen.generator.spec.SpecReader;
import dev.crmgen.generator.writer.Writers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The generator's front door: spec → model → Java sources. Shared by the annotation processor, the Maven plugin,
 * tests and benchmarks.
 */
public final class CrmGenerator {
    /** The generator's version; it is part of {@code @Generated} and of up-to-date checks. */
    public static final String VERSION = loadVersion();

    private CrmGenerator() {}

    /**
     * Generates records, codecs and a client. Never throws for user errors: they are diagnostics, and a result with
     * errors has no files. An internal failure becomes a {@code CrmgenInternalError} diagnostic with its stack trace.
     */
    public static GenerationResult generate(SpecSource spec, GeneratorOptions options) {
        return generate(spec, options, null);
    }

    /**
     * Generates as {@link #generate(SpecSource, GeneratorOptions)}, and gives every file a content key
     * ({@link GenerationResult#contentKeys()}): a {@link Fingerprint} of all that shapes the file. A file whose key is in
     * {@code reusableKeys} is not emitted, for a build that still holds the file it wrote under that key.
     *
     * @param reusableKeys the keys of files the caller still has intact; null for a generation without keys
     */
    public static GenerationResult generate(SpecSource spec, GeneratorOptions options, Set<String> reusableKeys) {
        Problems problems = new Problems(spec.displayName());
        try {
            SpecReader.Result read = SpecReader.read(spec, options, problems);
            ApiModel model = read.model();
            if (model == null || problems.hasErrors()) {
                return new GenerationResult(List.of(), problems.diagnostics(), read.inputFiles());
            }
            if (reusableKeys == null) {
                return new GenerationResult(Writers.write(model, VERSION), problems.diagnostics(), read.inputFiles());
            }
            Writers.Written written = Writers.write(model, VERSION, options, reusableKeys);
            return new GenerationResult(
                    written.files(), problems.diagnostics(), read.inputFiles(), written.contentKeys());
        } catch (RuntimeException | StackOverflowError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            problems.error(
                    Tags.INTERNAL_ERROR,
                    null,
                    "crmgen " + VERSION + " failed on this spec; please report it with the spec. " + trace);
            return new GenerationResult(List.of(), problems.diagnostics(), List.of());
        }
    }

    private static String loadVersion() {
        try (InputStream in = CrmGenerator.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
