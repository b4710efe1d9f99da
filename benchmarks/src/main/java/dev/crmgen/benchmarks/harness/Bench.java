package dev.crmgen.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;

/** A section of the harness: its configuration, progress log, and the detail lines it adds under its table. */
abstract class Bench {

    final BenchConfig config;
    final Log log;
    private final List<String> details = new ArrayList<>();

    Bench(BenchConfig config, Log log) {
        this.config = config;
        this.log = log;
    }

    /** Lines for the report under this section's table: per-run timings, failures, method. */
    final List<String> details() {
        return details;
    }

    final void detail(String line) {
        details.add(line);
    }
}
