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
                "Most of a fresh JVM's run is start-up and class loading (swagger-parser"
                        + " with its Jackson databind and YAML stack, then JavaPoet) before any generation; the warm"
                        + " in-process row shows the work itself. A 10× lead over another JVM tool cannot come from a"
                        + " process that pays the same JVM start: keep generation inside the build's JVM (the annotation"
                        + " processor and the Maven plugin do), give the command-line entry an AppCDS archive, and parse"
                        + " with a lighter reader than swagger-parser's full resolve.");
        BY_PATTERN.put(
                "gen\\.processor.*",
                "What the processor adds is class loading more than work: Swagger Parser builds a new"
                        + " ObjectMapper and converts the whole tree to a map for every spec (its date format and"
                        + " deserializers initialise each time), then the writers run JavaPoet. JSON specs no longer load"
                        + " the YAML stack; next, hand Swagger Parser's converter a mapper built once per javac run, and"
                        + " emit fewer, larger code blocks (see the plugin rows).");
        BY_PATTERN.put(
                "gen\\..*\\.lines",
                "Codecs are tables in the runtime now and builders exist only where a request"
                        + " carries optional components. What is left, largest first: the per-call RequestOptions twin"
                        + " of every operation (a client view, `client.withOptions(options)`, would replace them), both"
                        + " directions of codec on records that only travel one way, each open-enum value listed twice"
                        + " (constant and `Known` entry), and imports.");
        BY_PATTERN.put(
                "gen\\..*\\.compile",
                "javac's time follows members and expressions more than lines: the table codecs cut the records'"
                        + " share, so the clients (about 2,800 option twins and async forms) and the enums' duplicated"
                        + " `Known` entries are now the bulk; a client view for per-call options and enums whose"
                        + " constants are their only listing are the next levers.");
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
                "Date-times are not the limit any more: crmgen's `DATE_TIME` codec reads"
                        + " RFC 3339 straight from the parser's buffer, while databind and the hand-written baseline go through"
                        + " `OffsetDateTime.parse`. What a 207 adds is its error objects — per error a map of lists"
                        + " (`context`), a map (`links`) and a list (`errors`) — so the next place to look is how the generated"
                        + " codecs build small collections (a presized list or map for the common one-element case). Where the"
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
                "The goal's own up-to-date check is the small number in the notes. On a first build or"
                        + " after an edit, a profile of the plugin now shows writing (JavaPoet's emitter and the"
                        + " 120-column reflow of its output) at about three quarters of the time in the plugin, and"
                        + " loading classes at the rest; JSON specs no longer load the YAML stack or swagger-core's"
                        + " mapper. Emitting fewer, larger code blocks (a codec table as one literal, not one statement"
                        + " per property) and skipping the reflow for lines that already fit are the levers left.");
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
