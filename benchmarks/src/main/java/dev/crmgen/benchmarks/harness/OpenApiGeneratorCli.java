package dev.crmgen.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the harness runs OpenAPI Generator: java generator, native library, the options this module's own build uses
 * (Jakarta annotations, no timestamp), and no tests or docs — main code only, which can only make it faster.
 */
final class OpenApiGeneratorCli {

    static final String[][] ADDITIONAL_PROPERTIES = {{"useJakartaEe", "true"}, {"hideGenerationTimestamp", "true"}};
    static final String[][] GLOBAL_PROPERTIES = {
        {"apiTests", "false"}, {"modelTests", "false"}, {"apiDocs", "false"}, {"modelDocs", "false"}
    };

    private OpenApiGeneratorCli() {}

    static List<String> generate(String java, Path cliJar, Path spec, Path out) {
        String pkg = GenerateMain.packageFor(spec);
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-jar",
                cliJar.toString(),
                "generate",
                "-g",
                "java",
                "--library",
                "native",
                "-i",
                spec.toString(),
                "-o",
                out.toString(),
                "--api-package",
                pkg + ".api",
                "--model-package",
                pkg + ".model",
                "--invoker-package",
                pkg + ".client",
                "--additional-properties",
                join(ADDITIONAL_PROPERTIES),
                "--global-property",
                join(GLOBAL_PROPERTIES)));
        return cmd;
    }

    /** One batch config (JSON) per spec, in the format of the CLI's {@code batch} command. */
    static String batchConfig(Path spec, Path out) {
        String pkg = GenerateMain.packageFor(spec);
        StringBuilder json = new StringBuilder("{\"generatorName\":\"java\",\"library\":\"native\"");
        json.append(",\"inputSpec\":\"").append(spec).append('"');
        json.append(",\"outputDir\":\"").append(out).append('"');
        json.append(",\"apiPackage\":\"").append(pkg).append(".api\"");
        json.append(",\"modelPackage\":\"").append(pkg).append(".model\"");
        json.append(",\"invokerPackage\":\"").append(pkg).append(".client\"");
        json.append(",\"additionalProperties\":{");
        json.append(List.of(ADDITIONAL_PROPERTIES).stream()
                .map(kv -> "\"" + kv[0] + "\":" + kv[1])
                .collect(Collectors.joining(",")));
        json.append("},\"globalProperties\":{");
        json.append(List.of(GLOBAL_PROPERTIES).stream()
                .map(kv -> "\"" + kv[0] + "\":\"" + kv[1] + "\"")
                .collect(Collectors.joining(",")));
        return json.append("}}").toString();
    }

    private static String join(String[][] pairs) {
        return List.of(pairs).stream().map(kv -> kv[0] + "=" + kv[1]).collect(Collectors.joining(","));
    }
}
