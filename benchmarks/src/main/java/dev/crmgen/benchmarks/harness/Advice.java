package dev.crmgen.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/** What we would change when a figure misses its target, keyed by a pattern over figure ids. */
final class Advice {

    private static final Map<String, String> BY_PATTERN = new LinkedHashMap<>();

    static {
        BY_PATTERN.put(
                "gen\\.corpus\\.ok",
                "Each spec crmgen fails on names the construct and JSON pointer in its"
                        + " diagnostic (see the list above): support it, or degrade it to a JSON value with a warning.");
        BY_PATTERN.put(
                "gen\\..*\\.wall",
                "Most of a fresh JVM's run is start-up and class loading (Swagger Parser, JavaPoet and our"
                        + " writers) before any generation; the warm in-process row shows the work itself. Specs are now"
                        + " read into trees straight from Jackson's streaming parser, with no ObjectMapper built (about"
                        + " 580 fewer classes). A 10× lead over another JVM tool cannot come from a process that pays the"
                        + " same JVM start: keep generation inside the build's JVM (the annotation processor and the Maven"
                        + " plugin do), and give the command-line entry an AppCDS archive.");
        BY_PATTERN.put(
                "gen\\.processor.*",
                "What the processor adds is cold-JVM cost more than work: loading and verifying about 470 classes"
                        + " from its jars (SnakeYAML for a YAML spec, Jackson, Swagger Parser, JavaPoet, our writers), the"
                        + " interpreter, and C2 compiling on the second core (javac with the processor runs about a third"
                        + " faster under -XX:TieredStopAtLevel=1, which a user's build does not set). Our own cold costs"
                        + " are down: string concatenation compiled inline, no record or stream bootstraps on the"
                        + " generation path (73 lambda classes spun per generation down to 17), and a one-pass layout."
                        + " JavaPoet's two passes per file (imports, then text) are now the largest part we drive; next:"
                        + " fewer, larger code blocks per file, and skipping Swagger Parser's resolver for specs whose"
                        + " references are all local (after a corpus-wide model comparison). Tried and measured without"
                        + " gain: rendering the files on a second thread (a cold JVM's second core is busy compiling).");
        BY_PATTERN.put(
                "gen\\..*\\.lines",
                "Met. Each record's codec is one field of three parts over the runtime's RecordCodec, open enums"
                        + " keep their machinery in OpenEnum.Values (one line per constant), and javadoc of one line is"
                        + " written on one line. What is left, largest first: javadoc carrying the spec's descriptions,"
                        + " imports, and the 25 language enums (about 600 values each, every value listed as constant and"
                        + " Known entry).");
        BY_PATTERN.put(
                "gen\\..*\\.compile",
                "javac's own start-up is a fixed floor under both sides: on this machine a one-class compile"
                        + " with the same flags takes about 0.67 s, so the fragment (crmgen about 1.65 s) reaches 2× of 2.4 s only"
                        + " if what javac spends on our sources (about 1 s) halves. A JFR profile over the corpus:"
                        + " attribution about a third, entering classes a fifth, code generation a sixth, lowering a"
                        + " ninth; per file we cost about three quarters of OpenAPI Generator's output at a third of"
                        + " the lines, so per-file work dominates. Tried and measured within noise: attributing the codec"
                        + " table lambda once (a cast context instead of a constructor argument), and dropping all"
                        + " javadoc. The lever left is fewer files: 105 of the corpus's specs each generate the same"
                        + " standard HubSpot types (ErrorDetail, StandardError, Paging, NextPage and others, about 600"
                        + " files), which the runtime could provide once where a spec's schema matches them exactly.");
        BY_PATTERN.put(
                "json\\.encode\\..*",
                "The body (about 16 KB) is written straight into pooled segments that the"
                        + " client publishes as they are, so nothing body-sized is allocated per request;"
                        + " what is left is the generator and the generated codecs' own per-input objects"
                        + " (about 3.7 KB of the 4 KB, the same as encoding to a null stream), which only"
                        + " the codecs can cut. Both sides end in the same jackson-core generator, so"
                        + " throughput stays close; pre-encoded field names (`SerializedString`) are the"
                        + " remaining lever there.");
        BY_PATTERN.put(
                "json\\.decode.*",
                "Decoding now confirms each property name against the order it met last (the parser compares the"
                        + " bytes, skipping both name lookups) and reads into array-backed immutable lists and maps sized"
                        + " from the previous read; the 207 allocates 35 % less and runs about 12 % faster than before."
                        + " What is left is mostly jackson-core's own work on the same tokens (about two thirds of the"
                        + " time, turning strings into String objects alone about 29 %): a bare jackson walk that reads"
                        + " every string scores about 15–18k ops/s on this body. The next step would read ASCII strings"
                        + " straight from the input buffer, which ties the codecs to jackson's parser internals. Reusing"
                        + " the last value of short string properties (errors repeat their status, category and message)"
                        + " measured within noise, so it was not kept. Where the"
                        + " JMH error bars straddle the target, rerun with more forks before changing code.");
        BY_PATTERN.put(
                "e2e\\.throughput",
                "The raw loop neither decodes responses nor matches results to inputs;"
                        + " BatchExecutor does both, on the same two cores as the sandbox process, so every microsecond of"
                        + " client work shows. Profile both loops with JFR; decoding straight into the batch response (not"
                        + " through the sealed response type) is the remaining per-chunk work that the raw loop does not do.");
        BY_PATTERN.put(
                "e2e\\.rate",
                "Compare the client limiter's schedule with the server's window in the run's"
                        + " log: any pause taken on the server's `X-HubSpot-RateLimit-Remaining` feedback beyond what the local"
                        + " ring already enforces costs accepted requests without preventing a 429.");
        BY_PATTERN.put(
                "e2e\\.429",
                "Leave a small safety margin in the client limiter (for example 188 of 190) so"
                        + " requests reserved at the edge of a window cannot arrive after the server's window has moved.");
        BY_PATTERN.put(
                "e2e\\.lost",
                "Every input the report does not show as succeeded needs a look: unconfirmed"
                        + " inputs should be resent when the operation is retry-safe, which batch update is.");
        BY_PATTERN.put(
                "contention\\.fleet\\.redis\\..*",
                "Read the fleet's notes: a shortfall with few 429s is"
                        + " the Redis round trip per reservation on two shared cores (reserve a few slots per round trip);"
                        + " 429s mean the instances' clocks or in-flight slots disagree with the server's window (count a slot"
                        + " until its response, as the local ring does, and leave a margin of a few requests).");
        BY_PATTERN.put(
                "contention\\.clean\\.rate",
                "Without faults or 429s the shortfall is latency: the ring"
                        + " counts a request until its response, so each response that comes late on the loaded cores delays"
                        + " the reuse of its slot by as much. Counting a slot from an estimate of its arrival (the start plus"
                        + " half the usual round trip) would win most of it back at a small risk of 429s.");
        BY_PATTERN.put(
                "contention\\..*\\.rate",
                "Split the run's time in the notes between waits the limiter"
                        + " imposed and waits for faults (retry backoffs, trickling bodies, lost responses resent): backoffs"
                        + " hold a BatchExecutor worker while the window has room, so more workers than the limit needs, or"
                        + " retries queued behind fresh chunks, would keep the window full.");
        BY_PATTERN.put(
                "contention\\..*\\.429",
                "The other tenant's requests are seen only through"
                        + " `X-HubSpot-RateLimit-Remaining` on our own responses, which the limiter now reads against"
                        + " our requests sent up to that response; a wider margin under what the headers show would"
                        + " trade a little more rate for fewer 429s.");
        BY_PATTERN.put(
                "contention\\..*\\.lost",
                "Every unwritten input needs a look: the report's failed and"
                        + " unconfirmed inputs should be resent, since batch update is retry-safe.");
        BY_PATTERN.put(
                "plugin\\..*",
                "The goal's own up-to-date check is the small number in the notes. After an edit, only files whose"
                        + " content key changed are emitted again (2 of 13 for the benchmark's edit), and inputs and"
                        + " outputs are fingerprinted with the JDK's CRC-32 and CRC-32C rather than SHA-256, which cost"
                        + " tens of milliseconds cold. An edit still reads the spec and builds the whole model in a"
                        + " cold JVM to compute the keys, so it costs most of a first build; its ratio has moved by"
                        + " about a tenth between runs on the same code, either side of 8×. A first build of"
                        + " notes-v3 still emits all 47 files: JavaPoet's"
                        + " two passes per file are the largest part left, then reading the spec and realm set-up"
                        + " (about 100 ms before the goal's class loads). JavaPoet splits every piece it emits at line"
                        + " breaks with a regular expression, about 15 % of the goal's sampled time, so the next step is"
                        + " fewer, larger code blocks per file. Tried and measured without gain: rendering the files on"
                        + " a second thread (a cold JVM's second core is busy compiling) and an uncompressed plugin jar.");
        BY_PATTERN.put(
                "footprint\\..*",
                "Trim the runtime jar and defer class loading (lazy codecs, no eager"
                        + " HttpClient creation before the first request).");
    }

    private Advice() {}

    static String forFigure(String id) {
        for (Map.Entry<String, String> e : BY_PATTERN.entrySet()) {
            if (id.matches(e.getKey())) {
                return e.getValue();
            }
        }
        return "";
    }
}
