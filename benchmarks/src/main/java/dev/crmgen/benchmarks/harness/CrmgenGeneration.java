package dev.crmgen.benchmarks.harness;

import dev.crmgen.generator.CrmGenerator;
import dev.crmgen.generator.GeneratedFile;
import dev.crmgen.generator.GenerationResult;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.SpecSource;
import dev.crmgen.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** crmgen's generator library, writing what it generates the way the Maven plugin does. */
public final class CrmgenGeneration implements GenerateMain.Generator {

    @Override
    public String generate(Path spec, Path out) throws IOException {
        GenerationResult result =
                CrmGenerator.generate(SpecSource.file(spec), new GeneratorOptions(GenerateMain.packageFor(spec), null));
        if (result.hasErrors()) {
            return result.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .map(Diagnostic::format)
                    .findFirst()
                    .orElse("errors");
        }
        for (GeneratedFile file : result.files()) {
            Path target = out.resolve(file.relativePath());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.source());
        }
        return null;
    }
}
