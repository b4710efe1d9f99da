package dev.crmgen.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Generates code for one or more specs in a fresh JVM, the way a command-line generator would, so the harness can
 * time the whole process. {@code crmgen} drives crmgen's generator library; {@code openapi} drives OpenAPI Generator's
 * library from its CLI jar (put on the class path) with the options the CLI run uses.
 *
 * <p>Usage: {@code GenerateMain crmgen|openapi <outDir> <warmRepeats> <spec>...}. Each spec goes to
 * {@code <outDir>/<spec name>/}. With {@code warmRepeats > 0} the first spec is generated that many more times and
 * the median in-process time of the last half is printed as {@code WARM-MS}.
 */
public final class GenerateMain {

    private GenerateMain() {}

    public static void main(String[] args) throws Exception {
        String side = args[0];
        Path out = Path.of(args[1]);
        int repeats = Integer.parseInt(args[2]);
        List<Path> specs = Arrays.stream(args).skip(3).map(Path::of).toList();
        // Loaded by name so an OpenAPI Generator run needs nothing of crmgen's on its class path, and vice versa.
        Generator generator = (Generator) Class.forName(
                        side.equals("crmgen")
                                ? "dev.crmgen.benchmarks.harness.CrmgenGeneration"
                                : "dev.crmgen.benchmarks.harness.OpenApiGeneratorGeneration")
                .getConstructor()
                .newInstance();
        int ok = 0;
        for (Path spec : specs) {
            long start = System.nanoTime();
            String failure;
            try {
                failure = generator.generate(spec, out.resolve(stem(spec)));
            } catch (Exception | LinkageError e) {
                failure = e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage()));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (failure == null) {
                ok++;
                System.out.println("GEN-OK " + spec.getFileName() + " " + ms + " ms");
            } else {
                System.out.println("GEN-FAIL " + spec.getFileName() + " " + ms + " ms " + failure);
            }
        }
        System.out.println("GEN-SUMMARY " + ok + "/" + specs.size());
        if (repeats > 0 && !specs.isEmpty()) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                generator.generate(specs.get(0), out.resolve("warm"));
                times.add((System.nanoTime() - start) / 1_000);
            }
            List<Long> tail = times.subList(times.size() / 2, times.size()).stream()
                    .sorted()
                    .toList();
            System.out.printf(Locale.ROOT, "WARM-MS %.2f%n", tail.get(tail.size() / 2) / 1000.0);
        }
    }

    @FunctionalInterface
    interface Generator {
        /** Returns null on success, else the reason. */
        String generate(Path spec, Path out) throws Exception;
    }

    static String stem(Path spec) {
        String name = spec.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A Java package for a spec file name: {@code crm-lists.json} → {@code bench.crm_lists}. */
    static String packageFor(Path spec) {
        String s = stem(spec).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return "bench." + (Character.isDigit(s.charAt(0)) ? "_" + s : s);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
