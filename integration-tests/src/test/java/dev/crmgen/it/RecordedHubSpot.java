package dev.crmgen.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.verification.NearMiss;
import java.util.List;
import java.util.stream.Collectors;

/** A recorded HubSpot exchange served by WireMock on 127.0.0.1, with what the client sent to it. */
public final class RecordedHubSpot implements AutoCloseable {
    /** Obviously not a real private-app token; tests also check it never shows up in exception messages. */
    public static final String FAKE_TOKEN = "pat-na1-00000000-0000-0000-0000-fake0token00";

    private final String name;
    private final WireMockServer server;

    private RecordedHubSpot(String name, WireMockServer server) {
        this.name = name;
        this.server = server;
    }

    /** Serves {@code recordings/<name>/mappings/*.json} from the test class path. */
    public static RecordedHubSpot replay(String name) {
        String root = "recordings/" + name;
        if (RecordedHubSpot.class.getClassLoader().getResource(root + "/mappings") == null) {
            throw new IllegalArgumentException(
                    "no recording '" + name + "': expected src/test/resources/" + root + "/mappings/");
        }
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderClasspath(root)
                // Serve recorded bytes as they are: a gzip recording is already compressed.
                .gzipDisabled(true)
                .containerThreads(8)
                .jettyAcceptors(1));
        server.start();
        if (server.getStubMappings().isEmpty()) {
            server.stop();
            throw new IllegalStateException("recording '" + name + "' has no stub mappings");
        }
        return new RecordedHubSpot(name, server);
    }

    /** The base URL to give the client, such as {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Every request the client sent, oldest first. */
    public List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    /** The single request the client sent; fails when it sent none or several. */
    public LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = requests();
        if (requests.size() != 1) {
            throw new AssertionError(
                    "expected exactly one request to recording '" + name + "', got " + requests.size() + unmatched());
        }
        return requests.get(0);
    }

    /** Requests that matched no stub, described with WireMock's nearest miss, for failure messages. */
    public String unmatched() {
        List<NearMiss> misses = server.findNearMissesForAllUnmatchedRequests();
        if (misses.isEmpty()) {
            return "";
        }
        return misses.stream()
                .map(m -> m.getRequest().getMethod() + " " + m.getRequest().getUrl() + " nearest stub: "
                        + m.getStubMapping().getName() + " diff: " + m.getDiff())
                .collect(Collectors.joining("\n  ", "\nunmatched requests:\n  ", ""));
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "recording " + name + " at " + baseUrl();
    }
}
