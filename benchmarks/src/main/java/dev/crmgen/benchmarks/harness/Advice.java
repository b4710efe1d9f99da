package dev.crmgen.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/** What we would change when a figure misses its target, keyed by a pattern over figure ids. */
final class Advice {

    private static final Map<String, String> BY_PATTERN = new LinkedHashMap<>();

    static {
        BY_PATTERN.put("gen\\.corpus\\.ok", "Each spec crmgen fails on names the construct and JSON pointer in its"
                + " diagnostic (see the list above): support it, or degrade it to a JSON value with a warning.");
        BY_PATTERN.put("gen\\..*\\.wall", "Most of a fresh JVM's run is start-up and class loading (swagger-parser"
                + " with its Jackson databind and YAML stack, then JavaPoet) before any generation; the warm"
                + " in-process row shows the work itself. A 10× lead over another JVM tool cannot come from a"
                + " process that pays the same JVM start: keep generation inside the build's JVM (the annotation"
                + " processor and the Maven plugin do), give the command-line entry an AppCDS archive, and parse"
                + " with a lighter reader than swagger-parser's full resolve.");
        BY_PATTERN.put("gen\\.processor", "The processor's javac pays the same JVM start and swagger-parser loading as"
                + " the library run, then compiles the client; in a real build javac is already running, so only the"
                + " warm in-process cost is added. Loading fewer classes (see the fresh-JVM rows) is the lever here too.");
        BY_PATTERN.put("gen\\..*\\.lines", "Most generated lines are codecs and builders. Move the repetitive parts"
                + " into the runtime (a table-driven record codec fed by a field list, shared helpers for optional"
                + " fields and maps) and drop builders for records with few optional components.");
        BY_PATTERN.put("json\\..*", "Profile the generated codecs against the hand-written ones with JFR allocation"
                + " samples. All three contenders spend most of a decode in `OffsetDateTime.parse` (three date-times"
                + " per note, each through the general `DateTimeFormatter` machinery, which allocates a `Parsed`"
                + " map per value): a hand-rolled RFC 3339 parser in the runtime's `DATE_TIME` codec is the largest"
                + " single saving available, and the only way to halve allocation against Jackson, which uses the same"
                + " JDK parser. Beyond that: pre-encoded field names (`SerializableString`) when writing and"
                + " matching field names without building strings when reading.");
        BY_PATTERN.put("e2e\\.throughput", "The raw loop neither decodes responses nor matches results to inputs;"
                + " BatchExecutor does both, on the same two cores as the in-process sandbox. Profile with JFR and"
                + " cut the per-chunk work: decode straight into the batch response instead of through the sealed"
                + " response type, and match results by index when the server echoes every input in order.");
        BY_PATTERN.put("e2e\\.rate", "Tune the client limiter to the server's window: start the next window as soon"
                + " as the server's X-HubSpot-RateLimit-Remaining header allows instead of a fixed local schedule.");
        BY_PATTERN.put("e2e\\.429", "Leave a small safety margin in the client limiter (for example 188 of 190) so"
                + " requests reserved at the edge of a window cannot arrive after the server's window has moved.");
        BY_PATTERN.put("e2e\\.lost", "Every input the report does not show as succeeded needs a look: unconfirmed"
                + " inputs should be resent when the operation is retry-safe, which batch update is.");
        BY_PATTERN.put("plugin\\..*", "Cut what the no-change path loads: hash the spec and configuration before the"
                + " generator and its swagger-parser classes are touched, so an up-to-date build loads only the"
                + " plugin's own classes.");
        BY_PATTERN.put("footprint\\..*", "Trim the runtime jar and defer class loading (lazy codecs, no eager"
                + " HttpClient creation before the first request).");
    }

    private Advice() {
    }

    static String forFigure(String id) {
        for (Map.Entry<String, String> e : BY_PATTERN.entrySet()) {
            if (id.matches(e.getKey())) {
                return e.getValue();
            }
        }
        return "";
    }
}
