package dev.crmgen.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.crmgen.runtime.ListenerFixtures.EXCHANGE;
import static dev.crmgen.runtime.ListenerFixtures.JSON;
import static dev.crmgen.runtime.ListenerFixtures.OPERATION;
import static dev.crmgen.runtime.ListenerFixtures.PACING;
import static dev.crmgen.runtime.ListenerFixtures.PATH;
import static dev.crmgen.runtime.ListenerFixtures.RATE_LIMITED;
import static dev.crmgen.runtime.ListenerFixtures.UPDATED;
import static dev.crmgen.runtime.ListenerFixtures.batchUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmgen.runtime.ApiInvoker;
import dev.crmgen.runtime.ApiRequest;
import dev.crmgen.runtime.ListenerFixtures;
import dev.crmgen.runtime.error.NotFoundException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The meters a {@link MicrometerCallListener} records for calls to a loopback server answering as HubSpot does;
 * every recorded duration is exact (see {@link ListenerFixtures}).
 */
class MicrometerCallListenerTest {
    static final String TOKEN = "pat-eu1-6a1d4c3b-90fe-4b2a-a5c1-METRICS-SECRET";

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    final FakeTicker ticker = new FakeTicker();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    ApiInvoker invoker(MicrometerCallListener listener) {
        return ApiInvoker.create(ListenerFixtures.options(TOKEN, server.getPort(), ticker, listener)
                .build());
    }

    Timer timer(String name, String... tags) {
        return registry.get(name).tags(tags).timer();
    }

    @Test
    void rateLimitedThenUpdatedRecordsTwoRequestsOneRetryAndOneCall() {
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "2")
                        .withBody(RATE_LIMITED))
                .willSetStateTo("free"));
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("429")
                .whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody(UPDATED)));
        ApiRequest request = batchUpdate();

        invoker(new MicrometerCallListener(registry)).invoke(request, JSON);

        String[] route = {"operation", OPERATION, "method", "POST", "uri", PATH};
        Timer refused = registry.get(MicrometerCallListener.REQUESTS)
                .tags(route)
                .tags("status", "429", "outcome", "CLIENT_ERROR", "exception", "none")
                .timer();
        assertEquals(1, refused.count());
        assertEquals(EXCHANGE.toNanos(), refused.totalTime(TimeUnit.NANOSECONDS), 0.0);
        Timer updated = timer(MicrometerCallListener.REQUESTS, "status", "200", "outcome", "SUCCESS");
        assertEquals(1, updated.count());
        assertEquals(
                1.0,
                registry.get(MicrometerCallListener.RETRIES)
                        .tags(route)
                        .tags("reason", "RATE_LIMITED")
                        .counter()
                        .count(),
                0.0);
        Timer waited = timer(MicrometerCallListener.RATE_LIMIT_WAIT, route);
        assertEquals(2, waited.count());
        assertEquals(PACING.toNanos() * 2, waited.totalTime(TimeUnit.NANOSECONDS), 0.0);
        Timer call = timer(MicrometerCallListener.CALLS, "status", "200", "outcome", "SUCCESS", "exception", "none");
        assertEquals(1, call.count());
        Duration whole =
                PACING.plus(EXCHANGE).plus(Duration.ofSeconds(2)).plus(PACING).plus(EXCHANGE);
        assertEquals(whole.toNanos(), call.totalTime(TimeUnit.NANOSECONDS), 0.0);
        assertEquals(
                2L * request.body().length,
                registry.get(MicrometerCallListener.REQUEST_SIZE).summary().totalAmount(),
                0.0);
        assertEquals(
                RATE_LIMITED.length() + UPDATED.length(),
                registry.get(MicrometerCallListener.RESPONSE_SIZE).summary().totalAmount(),
                0.0);
        assertEquals(
                "bytes",
                registry.get(MicrometerCallListener.RESPONSE_SIZE)
                        .summary()
                        .getId()
                        .getBaseUnit());
    }

    @Test
    void recordIdsNeverBecomeTagsOnEitherPath() {
        server.stubFor(patch(urlPathMatching("/crm/v3/objects/notes/\\d+"))
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"1\",\"properties\":{}}")));
        ApiInvoker invoker = invoker(new MicrometerCallListener(registry));
        for (long noteId = 512; noteId < 517; noteId++) {
            ApiRequest update = ListenerFixtures.noteUpdate(noteId, false);
            if (noteId % 2 == 0) {
                invoker.invoke(update, JSON);
            } else {
                invoker.invokeAsync(update, JSON).join();
            }
        }

        Collection<Timer> requests =
                registry.get(MicrometerCallListener.REQUESTS).timers();
        assertEquals(1, requests.size(), "one time series for five notes");
        Timer timer = requests.iterator().next();
        assertEquals(5, timer.count());
        assertEquals("/crm/v3/objects/notes/{noteId}", timer.getId().getTag("uri"));
        assertEquals("none", timer.getId().getTag("operation"));
        assertEquals(5, timer(MicrometerCallListener.CALLS, "method", "PATCH").count());
        assertTrue(
                registry.getMeters().stream()
                        .flatMap(m -> m.getId().getTags().stream())
                        .noneMatch(t -> t.getValue().matches(".*51\\d.*")),
                "a note id became a tag value");
    }

    @Test
    void failuresAreTaggedByStatusOutcomeAndException() {
        server.stubFor(post(urlEqualTo("/crm/v3/objects/notes/search"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody(
                                "{\"status\":\"error\",\"message\":\"Not found\",\"category\":\"OBJECT_NOT_FOUND\"}")));
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ApiInvoker invoker = invoker(new MicrometerCallListener(registry));

        assertThrows(
                NotFoundException.class,
                () -> invoker.invoke(
                        ApiRequest.builder("POST", "/crm/v3/objects/notes/search")
                                .build(),
                        JSON));
        // A batch update that is not marked retry-safe is not resent after the connection dropped mid-exchange.
        assertThrows(TransportException.class, () -> invoker.invoke(batchUpdate(), JSON));

        assertEquals(
                1,
                timer(
                                MicrometerCallListener.CALLS,
                                "status",
                                "404",
                                "outcome",
                                "CLIENT_ERROR",
                                "exception",
                                "NotFoundException")
                        .count());
        Timer dropped =
                timer(MicrometerCallListener.REQUESTS, "uri", PATH, "status", "NONE", "outcome", "TRANSPORT_ERROR");
        assertEquals(1, dropped.count());
        assertTrue(
                dropped.getId().getTag("exception").endsWith("Exception"),
                dropped.getId().toString());
        assertEquals(
                1,
                timer(
                                MicrometerCallListener.CALLS,
                                "uri",
                                PATH,
                                "status",
                                "NONE",
                                "outcome",
                                "TRANSPORT_ERROR",
                                "exception",
                                "TransportException")
                        .count());
        assertNull(registry.find(MicrometerCallListener.RETRIES).counter(), "nothing was retried");
        assertNull(
                registry.find(MicrometerCallListener.RESPONSE_SIZE)
                        .tags("uri", PATH)
                        .summary(),
                "no response, no size");
    }

    @Test
    void commonTagsGoOnEveryMeter() {
        server.stubFor(
                post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(UPDATED)));

        invoker(new MicrometerCallListener(registry, Tags.of("account", "eu-sales")))
                .invoke(batchUpdate(), JSON);

        assertTrue(registry.getMeters().size() >= 4, registry.getMeters().toString());
        assertTrue(registry.getMeters().stream()
                .allMatch(m -> m.getId().getTags().contains(Tag.of("account", "eu-sales"))));
    }
}
