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
        BY_PATTERN.put("json\\.encode\\..*", "The encoded body is about 16 KB, yet crmgen allocates more per encode than"
                + " databind does: `Json.encode` starts a `ByteArrayBuilder` at 256 bytes without the factory's"
                + " `BufferRecycler`, so the body is built in growing segments and then copied once more. Passing the"
                + " recycler (as databind does) and sizing the first segment from the previous body would leave one"
                + " copy. The throughput gap to databind is small because both end in the same jackson-core"
                + " generator; pre-encoded field names (`SerializedString`) are the remaining lever.");
        BY_PATTERN.put("json\\.decode.*", "Every contender, databind included, spends roughly half of a decode in"
                + " `OffsetDateTime.parse` (three date-times per note through the JDK's general `DateTimeFormatter`,"
                + " which allocates a `Parsed` map per value; a side check on this machine put the 203 parses of the"
                + " 200 body at about half its decode time). That floor is shared, so no codec built on it can be"
                + " 2× databind or allocate half as much. A hand-rolled RFC 3339 parser in the runtime's `DATE_TIME`"
                + " codec is the change that would move both figures; after it, matching field names without building"
                + " strings (jackson-core's `nextFieldName(SerializableString)`) and not copying maps that are already"
                + " fresh.");
        BY_PATTERN.put("e2e\\.throughput", "The raw loop neither decodes responses nor matches results to inputs;"
                + " BatchExecutor does both, on the same two cores as the in-process sandbox. Profile with JFR and"
                + " cut the per-chunk work: decode straight into the batch response instead of through the sealed"
                + " response type, and match results by index when the server echoes every input in order.");
        BY_PATTERN.put("e2e\\.rate", "The client limiter throttles itself: when the server reports under 10 % of its"
                + " budget left, `RollingWindowRateLimiter.onResponse` pauses `interval / (remaining + 1)` after each"
                + " response, and over the last 19 requests of a window those pauses add up to about 2.6 windows"
                + " (10 s × (H(20) − 1)); after `remaining == 0` it also waits a whole interval from that response"
                + " rather than from the window's start. The local ring alone already keeps every 10 s window at 190"
                + " starts; spread the remainder over the time left in the server's window (or only react to 429s),"
                + " and the run should approach the limit with the same near-zero 429s.");
        BY_PATTERN.put("e2e\\.429", "Leave a small safety margin in the client limiter (for example 188 of 190) so"
                + " requests reserved at the edge of a window cannot arrive after the server's window has moved.");
        BY_PATTERN.put("e2e\\.lost", "Every input the report does not show as succeeded needs a look: unconfirmed"
                + " inputs should be resent when the operation is retry-safe, which batch update is.");
        BY_PATTERN.put("plugin\\..*", "The goal's own up-to-date check is the small number in the notes; the rest of"
                + " the time between Maven's lines is Maven's work for the plugin: resolving its dependency tree"
                + " (generator, swagger-parser, Jackson, JavaPoet) from the local repository, building its class realm"
                + " and loading the mojo. A plugin with a short dependency list — the generator loaded in a child class"
                + " loader only when the check says to generate — would leave mostly the check.");
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
