package dev.crmgen.benchmarks.json;

import dev.crmgen.benchmarks.openapi.model.BatchInputSimplePublicObjectBatchInput;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode a 100-input batch-update request into the body the HTTP client sends; decode a 100-result 200 and a 207
 * with 50 results and 50 errors — crmgen's generated codecs and runtime vs OpenAPI Generator's models on Jackson
 * databind vs hand-written jackson-core. Encoding runs each side's request-body path up to the socket buffer: crmgen
 * writes into pooled segments and publishes them; the other two encode to an array and publish it with
 * {@code BodyPublishers.ofByteArray}, which copies it into fresh buffers for each send. All use one {@link BodySink}.
 * Method names are {@code <operation>_<contender>}; the harness reads them back to form ratios.
 * Defaults suit a 2-core machine: one thread, one fork; the harness passes the iteration counts it reports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class NotesJsonBenchmark {

    private byte[] body200;
    private byte[] body207;
    private BatchInputSimplePublicObjectBatchInput openApiGeneratorRequest;
    private List<HandWritten.Input> handWrittenRequest;
    private dev.crmgen.benchmarks.crmgen.notes.BatchInputSimplePublicObjectBatchInput crmgenRequest;
    private final BodySink sink = new BodySink();

    @Setup
    public void setUp() {
        List<Payloads.NoteUpdate> updates = Payloads.updates();
        body200 = Payloads.response200();
        body207 = Payloads.response207();
        openApiGeneratorRequest = OpenApiGeneratorSide.request(updates);
        handWrittenRequest = HandWrittenSide.request(updates);
        crmgenRequest = CrmgenSide.request(updates);
    }

    @Benchmark
    public long encode_crmgen() throws IOException {
        return CrmgenSide.send(crmgenRequest, sink);
    }

    @Benchmark
    public long encode_openApiGenerator() throws IOException {
        return OpenApiGeneratorSide.send(openApiGeneratorRequest, sink);
    }

    @Benchmark
    public long encode_handWritten() throws IOException {
        return HandWrittenSide.send(handWrittenRequest, sink);
    }

    @Benchmark
    public Object decode200_crmgen() throws IOException {
        return CrmgenSide.decode200(body200);
    }

    @Benchmark
    public Object decode200_openApiGenerator() throws IOException {
        return OpenApiGeneratorSide.decode200(body200);
    }

    @Benchmark
    public Object decode200_handWritten() throws IOException {
        return HandWritten.decode(body200);
    }

    @Benchmark
    public Object decode207_crmgen() throws IOException {
        return CrmgenSide.decode207(body207);
    }

    @Benchmark
    public Object decode207_openApiGenerator() throws IOException {
        return OpenApiGeneratorSide.decode207(body207);
    }

    @Benchmark
    public Object decode207_handWritten() throws IOException {
        return HandWritten.decode(body207);
    }
}
