package dev.crmgen.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.crmgen.runtime.ListenerFixtures.CORRELATION;
import static dev.crmgen.runtime.ListenerFixtures.EXCHANGE;
import static dev.crmgen.runtime.ListenerFixtures.JSON;
import static dev.crmgen.runtime.ListenerFixtures.OPERATION;
import static dev.crmgen.runtime.ListenerFixtures.PACING;
import static dev.crmgen.runtime.ListenerFixtures.PATH;
import static dev.crmgen.runtime.ListenerFixtures.RATE_LIMITED;
import static dev.crmgen.runtime.ListenerFixtures.UPDATED;
import static dev.crmgen.runtime.ListenerFixtures.batchUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crmgen.runtime.error.BadRequestException;
import dev.crmgen.runtime.error.NotFoundException;
import dev.crmgen.runtime.error.ResponseDecodingException;
import dev.crmgen.runtime.error.TransportException;
import dev.crmgen.runtime.json.JsonValue;
import dev.crmgen.runtime.observe.CallListener;
import dev.crmgen.runtime.observe.CallListener.AttemptEvent;
import dev.crmgen.runtime.observe.CallListener.CallEvent;
import dev.crmgen.runtime.observe.CallListener.Outcome;
import dev.crmgen.runtime.observe.CallListener.RetryReason;
import dev.crmgen.runtime.ratelimit.FakeTicker;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a {@link CallListener} hears, on the blocking and the async path, from a loopback server answering as HubSpot
 * does; every duration in the events is exact (see {@link ListenerFixtures}).
 */
class CallListenerTest {
    static final String TOKEN = "pat-na1-0b7c2d9e-41aa-4f0e-8c3b-LISTENER-SECRET";

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    FakeTicker ticker = new FakeTicker();
    Recorder recorder = new Recorder();

    /** Records every event, in order. */
    static final class Recorder implements CallListener {
        final List<AttemptEvent> attempts = new ArrayList<>();
        final List<CallEvent> calls = new ArrayList<>();

        @Override
        public synchronized void onAttempt(AttemptEvent attempt) {
            attempts.add(attempt);
        }

        @Override
        public synchronized void onCall(CallEvent call) {
            calls.add(call);
        }

        synchronized List<Object> all() {
            List<Object> all = new ArrayList<>(attempts);
            all.addAll(calls);
            return all;
        }
    }

    ClientOptions.Builder options(CallListener listener) {
        return ListenerFixtures.options(TOKEN, server.getPort(), ticker, listener);
    }

    static <T> T call(boolean async, ApiInvoker invoker, ApiRequest request, ResponseMapper<T> mapper) {
        if (!async) {
            return invoker.invoke(request, mapper);
        }
        try {
            return invoker.invokeAsync(request, mapper).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void rateLimitedThenUpdatedIsTwoAttemptsAndOneCall(boolean async) {
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "2")
                        .withHeader("X-HubSpot-Correlation-Id", CORRELATION)
                        .withBody(RATE_LIMITED))
                .willSetStateTo("free"));
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("429")
                .whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody(UPDATED)));
        ApiInvoker invoker = ApiInvoker.create(options(recorder).build());
        ApiRequest request = batchUpdate();

        call(async, invoker, request, JSON);

        assertEquals(2, recorder.attempts.size(), recorder.attempts.toString());
        AttemptEvent first = recorder.attempts.get(0);
        assertEquals(OPERATION, first.operationId());
        assertEquals("POST", first.method());
        assertEquals(PATH, first.pathTemplate());
        assertEquals(1, first.attempt());
        assertEquals(429, first.status());
        assertNull(first.failure());
        assertEquals(Outcome.CLIENT_ERROR, first.outcome());
        assertEquals(EXCHANGE, first.latency());
        assertEquals(PACING, first.rateLimitWait());
        assertEquals(RetryReason.RATE_LIMITED, first.retryReason());
        assertEquals(Duration.ofSeconds(2), first.retryDelay(), "Retry-After");
        assertEquals(CORRELATION, first.correlationId());
        assertEquals(request.body().length, first.requestBytes());
        assertEquals(RATE_LIMITED.length(), first.responseBytes());

        AttemptEvent second = recorder.attempts.get(1);
        assertEquals(2, second.attempt());
        assertEquals(200, second.status());
        assertEquals(Outcome.SUCCESS, second.outcome());
        assertFalse(second.retried());
        assertEquals(Duration.ZERO, second.retryDelay());
        assertEquals(EXCHANGE, second.latency());
        assertEquals(PACING, second.rateLimitWait());
        assertNull(second.correlationId(), "this response carried none");
        assertEquals(UPDATED.length(), second.responseBytes());

        assertEquals(1, recorder.calls.size());
        CallEvent call = recorder.calls.get(0);
        assertEquals(Outcome.SUCCESS, call.outcome());
        assertTrue(call.succeeded());
        assertEquals(200, call.status());
        assertNull(call.failure());
        assertEquals(2, call.attempts());
        assertEquals(PACING.multipliedBy(2), call.rateLimitWait());
        assertEquals(
                PACING.plus(EXCHANGE).plus(Duration.ofSeconds(2)).plus(PACING).plus(EXCHANGE), call.totalTime());
        assertTrue(recorder.all().stream().noneMatch(e -> e.toString().contains(TOKEN)), "the token leaked");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aResetConnectionIsAnAttemptWithoutStatus(boolean async) {
        // PATCH, not GET: the JDK's client silently resends a GET after a reset, and the runtime would never see it.
        server.stubFor(patch(urlEqualTo("/crm/v3/objects/notes/512"))
                .inScenario("reset")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("ok"));
        server.stubFor(patch(urlEqualTo("/crm/v3/objects/notes/512"))
                .inScenario("reset")
                .whenScenarioStateIs("ok")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("X-HubSpot-Correlation-Id", CORRELATION)
                        .withBody("{\"id\":\"512\",\"properties\":{}}")));
        ApiInvoker invoker = ApiInvoker.create(options(recorder).build());
        ApiRequest update = ListenerFixtures.noteUpdate(512, true);

        call(async, invoker, update, JSON);

        AttemptEvent reset = recorder.attempts.get(0);
        assertEquals(0, reset.status());
        assertEquals(Outcome.TRANSPORT_ERROR, reset.outcome());
        assertTrue(reset.failure().endsWith("Exception"), reset.failure());
        assertEquals(RetryReason.IO_ERROR, reset.retryReason());
        assertEquals(0, reset.responseBytes());
        assertEquals(update.body().length, reset.requestBytes());
        assertEquals("/crm/v3/objects/notes/{noteId}", reset.pathTemplate(), "the template, never the id");
        assertNull(reset.operationId());
        CallEvent call = recorder.calls.get(0);
        assertEquals(2, call.attempts());
        assertEquals(CORRELATION, call.correlationId());
        assertEquals(Outcome.SUCCESS, call.outcome());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aFailedCallReportsItsExceptionAndHubSpotsCorrelationId(boolean async) {
        server.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody(
                                "{\"status\":\"error\",\"message\":\"Property values were not valid\",\"correlationId\":\""
                                        + CORRELATION + "\",\"category\":\"VALIDATION_ERROR\"}")));
        ApiInvoker invoker = ApiInvoker.create(options(recorder).build());

        assertThrows(BadRequestException.class, () -> call(async, invoker, batchUpdate(), JSON));

        AttemptEvent only = recorder.attempts.get(0);
        assertEquals(400, only.status());
        assertNull(only.retryReason());
        CallEvent call = recorder.calls.get(0);
        assertEquals(Outcome.CLIENT_ERROR, call.outcome());
        assertEquals(400, call.status());
        assertEquals("BadRequestException", call.failure());
        assertEquals(CORRELATION, call.correlationId(), "from the error body: the response had no header");
        assertEquals(1, call.attempts());
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void aSuccessThatDoesNotDecodeIsADecodingError(boolean async) {
        server.stubFor(
                post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("{\"results\": [")));
        ApiInvoker invoker = ApiInvoker.create(options(recorder).build());

        assertThrows(ResponseDecodingException.class, () -> call(async, invoker, batchUpdate(), JSON));

        assertEquals(Outcome.SUCCESS, recorder.attempts.get(0).outcome(), "the exchange itself succeeded");
        CallEvent call = recorder.calls.get(0);
        assertEquals(Outcome.DECODING_ERROR, call.outcome());
        assertEquals(200, call.status());
        assertFalse(call.succeeded());
    }

    @Test
    void aCallRefusedBeforeSendingHasNoAttempts() {
        RetryPolicy shortDeadline =
                RetryPolicy.builder().jitter(0).deadline(Duration.ofMillis(100)).build();
        ApiInvoker invoker =
                ApiInvoker.create(options(recorder).retryPolicy(shortDeadline).build());

        assertThrows(TransportException.class, () -> invoker.invoke(batchUpdate(), JSON));

        assertTrue(recorder.attempts.isEmpty());
        CallEvent call = recorder.calls.get(0);
        assertEquals(0, call.attempts());
        assertEquals(Outcome.TRANSPORT_ERROR, call.outcome());
        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    /** Throws from every callback. */
    static final class ThrowingListener implements CallListener {
        int thrown;

        @Override
        public synchronized void onAttempt(AttemptEvent attempt) {
            thrown++;
            throw new IllegalStateException("metrics backend down");
        }

        @Override
        public synchronized void onCall(CallEvent call) {
            thrown++;
            throw new IllegalStateException("metrics backend down");
        }
    }

    @Test
    void aThrowingListenerBreaksNoCallAndIsLoggedOnce() {
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody(RATE_LIMITED))
                .willSetStateTo("free"));
        server.stubFor(post(urlEqualTo(PATH))
                .inScenario("429")
                .whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody(UPDATED)));
        server.stubFor(post(urlEqualTo("/missing"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withBody(
                                "{\"status\":\"error\",\"message\":\"Not found\",\"category\":\"OBJECT_NOT_FOUND\"}")));
        ThrowingListener listener = new ThrowingListener();
        ApiInvoker invoker = ApiInvoker.create(options(listener).build());

        try (LogCapture log = new LogCapture()) {
            assertInstanceOf(JsonValue.class, call(false, invoker, batchUpdate(), JSON));
            assertInstanceOf(JsonValue.class, call(true, invoker, batchUpdate(), JSON));
            ApiRequest missing = ApiRequest.builder("POST", "/missing").build();
            assertThrows(NotFoundException.class, () -> call(false, invoker, missing, JSON), "the call's own error");
            assertThrows(NotFoundException.class, () -> call(true, invoker, missing, JSON), "the call's own error");

            assertEquals(3 + 2 + 2 + 2, listener.thrown, "every callback was still called");
            List<String> warnings = log.linesContaining("WARNING CallListener");
            assertEquals(1, warnings.size(), log.lines().toString());
            assertTrue(warnings.get(0).contains("metrics backend down"), warnings.get(0));
        }
    }

    @Test
    void withoutAListenerTheOptionsSayNone() {
        ClientOptions options = ClientOptions.builder().accessToken(TOKEN).build();
        assertEquals(CallListener.NONE, options.listener());
        assertEquals(recorder, options(recorder).build().toBuilder().build().listener());
    }
}
