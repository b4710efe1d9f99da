package dev.crmgen.maven;

import dev.crmgen.generator.CrmGenerator;
import dev.crmgen.generator.GeneratorOptions;
import dev.crmgen.generator.diagnostic.Diagnostic;
import dev.crmgen.generator.naming.JavaNames;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the typed HubSpot client from an OpenAPI spec, with the same generator (and so the same bytes) as the
 * {@code @GenerateClient} annotation processor.
 *
 * <p>Skips the work when neither the spec (nor any file it references), the configuration nor the generator version
 * changed and the generated files are untouched; otherwise regenerates, rewrites only files whose content changed and
 * deletes files that are no longer generated. Runs without a project too:
 * {@code mvn dev.crmgen:crmgen-maven-plugin:generate -Dcrmgen.spec=notes.yaml -Dcrmgen.packageName=com.acme.notes
 * -Dcrmgen.outputDirectory=src-gen}.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true, requiresProject = false)
public class GenerateMojo extends AbstractMojo {

    /**
     * The OpenAPI spec: a file (relative to the project directory) or a class-path resource of a dependency added to
     * this plugin, such as {@code notes-batch-update.yaml} from {@code dev.crmgen:crmgen-spec}. Prefix with
     * {@code classpath:} to look only on the class path.
     */
    @Parameter(property = "crmgen.spec", required = true)
    private String spec;

    /** The Java package of the generated records and client. */
    @Parameter(property = "crmgen.packageName", required = true)
    private String packageName;

    /** The client class's simple name; by default derived from the spec's {@code info.title}. */
    @Parameter(property = "crmgen.clientName")
    private String clientName;

    /** Where generated sources go; the goal owns the files it wrote there and deletes them when no longer generated. */
    @Parameter(
            property = "crmgen.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/crmgen",
            required = true)
    private File outputDirectory;

    /** Whether to add {@link #outputDirectory} to the project's compile source roots. */
    @Parameter(property = "crmgen.addCompileSourceRoot", defaultValue = "true")
    private boolean addCompileSourceRoot;

    /**
     * Whether a {@code $ref} to a schema the spec never defines becomes {@code JsonValue} with a
     * {@code [CrmgenDegraded]} warning instead of an error; the processor's {@code -Acrmgen.lenientRefs=true}.
     */
    @Parameter(property = "crmgen.lenientRefs", defaultValue = "false")
    private boolean lenientRefs;

    /** Skips the goal. */
    @Parameter(property = "crmgen.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("crmgen: skipped (crmgen.skip=true)");
            return;
        }
        long started = System.nanoTime();
        if (packageName == null || packageName.isBlank() || !JavaNames.isPackageName(packageName.trim())) {
            throw new MojoFailureException("crmgen: packageName '" + packageName + "' is not a valid Java package name;"
                    + " set <packageName> (or -Dcrmgen.packageName) to something like com.acme.hubspot.notes");
        }
        String pkg = packageName.trim();
        String client = clientName == null || clientName.isBlank() ? null : clientName.trim();
        Path baseDirectory = project.getBasedir() != null ? project.getBasedir().toPath() : Path.of("");
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        ClassLoader loader = getClass().getClassLoader();

        SpecLocation location;
        try {
            location = SpecLocation.resolve(spec, baseDirectory, loader);
        } catch (IOException e) {
            throw new MojoFailureException("crmgen: " + e.getMessage());
        }

        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("generator.version", CrmGenerator.VERSION);
        GeneratorBuild.snapshotFingerprint().ifPresent(build -> configuration.put("generator.build", build));
        configuration.put("spec", location.resolved());
        configuration.put("packageName", pkg);
        configuration.put("clientName", client == null ? "" : client);
        configuration.put("lenientRefs", Boolean.toString(lenientRefs));

        // One state per execution: several executions may share an output directory.
        String stateName = ".crmgen-" + mojoExecution.getExecutionId().replaceAll("[^A-Za-z0-9._-]", "_") + ".state";
        IncrementalGeneration.Request request = new IncrementalGeneration.Request(
                output,
                output.resolve(stateName),
                configuration,
                location.toSource(loader),
                new GeneratorOptions(pkg, client, lenientRefs),
                location.inputKeys());
        IncrementalGeneration.Outcome outcome;
        try {
            outcome = new IncrementalGeneration(CrmGenerator::generate, key -> SpecLocation.read(key, loader))
                    .run(request);
        } catch (IOException e) {
            throw new MojoExecutionException("crmgen: could not write generated sources to " + output + ": " + e, e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String where = SpecLocation.shortPath(baseDirectory, output);

        if (outcome instanceof IncrementalGeneration.Outcome.Failed failed) {
            long errors = failed.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .count();
            throw new MojoFailureException(String.format(
                    "crmgen: %s has %d error%s; nothing was generated:%n%s",
                    location.describe(baseDirectory),
                    errors,
                    errors == 1 ? "" : "s",
                    failed.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"))));
        }
        if (outcome instanceof IncrementalGeneration.Outcome.UpToDate upToDate) {
            getLog().info(String.format(
                    "crmgen: generation skipped, sources up to date: spec (%d input%s), configuration and generator %s"
                            + " unchanged, %d generated files in %s intact (checked in %d ms)",
                    upToDate.inputs(),
                    upToDate.inputs() == 1 ? "" : "s",
                    CrmGenerator.VERSION,
                    upToDate.files(),
                    where,
                    millis));
        } else if (outcome instanceof IncrementalGeneration.Outcome.Generated generated) {
            for (Diagnostic diagnostic : generated.diagnostics()) {
                getLog().warn(diagnostic.format());
            }
            getLog().info(String.format(
                    "crmgen: generated %s into %s because %s; wrote %d, kept %d unchanged (%d not emitted again),"
                            + " deleted %d (%d ms)",
                    location.describe(baseDirectory),
                    where,
                    generated.reason(),
                    generated.written(),
                    generated.unchanged(),
                    generated.reused(),
                    generated.deleted(),
                    millis));
        }

        if (addCompileSourceRoot) {
            project.addCompileSourceRoot(output.toString());
        }
    }
}
