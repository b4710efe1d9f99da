package dev.crmgen.runtime.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.crmgen.runtime.ApiInvoker;
import dev.crmgen.runtime.ApiRequest;
import dev.crmgen.runtime.ClientOptions;
import dev.crmgen.runtime.ResponseMapper;
import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.json.JsonCodecs;
import dev.crmgen.runtime.json.JsonValue;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final long MS = 1_000_000L;

    static HttpHeaders headers(String... kv) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], List.of(kv[i + 1]));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void burstUpToTheLimitThenOneWindowLater() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        for (int i = 0; i < 190; i++) {
            assertEquals(0, limiter.reserve());
        }
        assertEquals(10_000 * MS, limiter.reserve());
        assertEquals(10_000 * MS, limiter.reserve());
        t.advance(4_000 * MS);
        assertEquals(6_000 * MS, limiter.reserve());
    }

    @Test
    void aRequestCountsFromItsResponseOnceItHasOne() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(2, Duration.ofSeconds(1), t);
        RateLimiter.Permit first = limiter.acquire();
        RateLimiter.Permit second = limiter.acquire();
        assertEquals(0, first.waitNanos());
        assertEquals(0, second.waitNanos());
        t.advance(300 * MS);
        // The server counted the first request somewhere in these 300 ms: its slot frees a window after the response.
        first.completed(200, headers());
        assertEquals(1_000 * MS, limiter.acquire().waitNanos());
        // The second never got a response recorded: its slot frees a window after its start (700 ms from now).
        assertEquals(700 * MS, limiter.acquire().waitNanos());
        // A late response for a slot already handed on changes nothing: slot 2 still frees at 2000 ms.
        t.advance(1_500 * MS);
        second.completed(200, headers());
        assertEquals(500 * MS, limiter.acquire().waitNanos());
        assertEquals(200 * MS, limiter.acquire().waitNanos());
    }

    @Test
    void noWindowEverHoldsMoreThanTheLimit() {
        FakeTicker t = new FakeTicker();
        int permits = 100;
        long window = 10_000 * MS;
        RateLimiter limiter = RateLimiter.rollingWindow(permits, Duration.ofNanos(window), t);
        Random random = new Random(42);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            t.advance((long) (random.nextDouble() * 80 * MS));
            starts.add(t.nanoTime() + limiter.reserve());
        }
        Collections.sort(starts);
        for (int i = permits; i < starts.size(); i++) {
            assertTrue(starts.get(i) - starts.get(i - permits) >= window, "window overfull at " + i);
        }
    }

    /** How many reservations in a row a fresh window lets through at once. */
    static int burst(RateLimiter limiter, List<RateLimiter.Permit> taken) {
        int n = 0;
        while (true) {
            RateLimiter.Permit p = limiter.acquire();
            taken.add(p);
            if (p.waitNanos() > 0) {
                return n;
            }
            n++;
        }
    }

    @Test
    void leavesWhatAnotherUserOfTheTokenSpendsInTheWindow() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        RateLimiter.Permit first = limiter.acquire();
        // The server counts 150 requests, one of them ours: 149 are someone else's.
        first.completed(
                200,
                headers(
                        "X-HubSpot-RateLimit-Remaining",
                        "40",
                        "X-HubSpot-RateLimit-Max",
                        "190",
                        "X-HubSpot-RateLimit-Interval-Milliseconds",
                        "10000"));
        // 41 per window are left, one already spent; 9 (a twentieth of 190) stay free for the other user's jitter.
        assertEquals(31, burst(limiter, new ArrayList<>()));
    }

    @Test
    void aRetryAfterInSecondsHoldsEveryoneThatLongAtTheSameRate() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        limiter.acquire().completed(429, headers("Retry-After", "3"));
        assertEquals(3_000 * MS, limiter.reserve());
        t.advance(3_000 * MS);
        assertEquals(188, burst(limiter, new ArrayList<>()), "the full rate after the pause");
    }

    @Test
    void anHttpDateRetryAfterHoldsEveryoneExactlyUntilThatDate() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        t.advance(2_500 * MS);
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.parse("2026-01-01T00:00:09Z"));
        limiter.acquire().completed(429, headers("Retry-After", date));
        // now() is 00:00:02.5: the date is 6.5 s away.
        assertEquals(6_500 * MS, limiter.reserve());
        t.advance(6_499 * MS);
        assertEquals(1 * MS, limiter.reserve());
        t.advance(1 * MS);
        assertEquals(0, limiter.reserve());
    }

    @Test
    void aBare429HalvesTheRateThenEachSuccessfulWindowRaisesItBack() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(100, Duration.ofSeconds(10), t);
        RateLimiter.Permit first = limiter.acquire();
        RateLimiter.Permit second = limiter.acquire();
        first.completed(429, headers());
        // Sent before the decrease, the second request met the same congestion: no second halving.
        second.completed(429, headers());
        t.advance(10_000 * MS);
        List<RateLimiter.Permit> taken = new ArrayList<>();
        assertEquals(50, burst(limiter, taken), "halved, not stopped");
        List<Integer> perWindow = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            taken.forEach(p -> p.completed(200, headers()));
            t.advance(10_000 * MS);
            taken.clear();
            perWindow.add(burst(limiter, taken));
        }
        // About a quarter of the limit back per window of successes, up to the limit: each burst's last
        // reservation, which had to wait, starts with the next window and takes one of its 100 slots.
        assertTrue(perWindow.get(0) >= 69 && perWindow.get(0) < 80, perWindow.toString());
        assertTrue(perWindow.get(1) > perWindow.get(0), perWindow.toString());
        assertEquals(99, perWindow.get(2), perWindow.toString());
        assertEquals(99, perWindow.get(3), perWindow.toString());
    }

    @Test
    void a429RefusingOneRequestWhileBudgetIsLeftSlowsNoOneDown() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(100, Duration.ofSeconds(10), t);
        // Only our one request is in the server's window and 99 are left: not the rolling budget refusing it.
        limiter.acquire()
                .completed(429, headers("X-HubSpot-RateLimit-Remaining", "99", "X-HubSpot-RateLimit-Max", "100"));
        limiter.acquire()
                .completed(
                        429,
                        headers(
                                "X-HubSpot-RateLimit-Remaining",
                                "98",
                                "X-HubSpot-RateLimit-Max",
                                "100",
                                "Retry-After",
                                "2"));
        // Its own Retry-After is the retry policy's to honour for that request; the others go on at the full rate.
        assertEquals(98, burst(limiter, new ArrayList<>()));
    }

    @Test
    void aBare429WithTheBudgetSpentHalvesTheRate() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(100, Duration.ofSeconds(10), t);
        limiter.acquire()
                .completed(429, headers("X-HubSpot-RateLimit-Remaining", "0", "X-HubSpot-RateLimit-Max", "100"));
        t.advance(10_000 * MS);
        assertEquals(50, burst(limiter, new ArrayList<>()));
    }

    @Test
    void remembersTheDailyBudgetLeft() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(100, Duration.ofSeconds(10), t);
        assertTrue(limiter.dailyRemaining().isEmpty());
        limiter.acquire()
                .completed(
                        200,
                        headers("X-HubSpot-RateLimit-Daily", "250000", "X-HubSpot-RateLimit-Daily-Remaining", "1234"));
        assertEquals(1234, limiter.dailyRemaining().getAsLong());
        limiter.acquire().completed(200, headers());
        assertEquals(1234, limiter.dailyRemaining().getAsLong(), "a response without the header changes nothing");
        assertTrue(RateLimiter.unlimited().dailyRemaining().isEmpty());
    }

    /**
     * A HubSpot-like server in virtual time: a rolling window counted at each request's arrival (429s not counted),
     * with varying latency both ways. {@code foreignPerWindow} requests per window come from someone else using the
     * same token, evenly spread.
     */
    static final class SimulatedServer {
        final int max;
        final long window;
        final java.util.ArrayDeque<Long> accepted = new java.util.ArrayDeque<>();
        int ours;
        int oursInFirstMinute;
        int rejected;
        /** The other user's requests due and not yet accepted. */
        int foreignOwed;

        SimulatedServer(int max, long window) {
            this.max = max;
            this.window = window;
        }

        /** Returns the response headers; status 429 when the window is full. */
        int arrive(long at, boolean ourRequest, long[] remainingOut) {
            while (!accepted.isEmpty() && at - accepted.peekFirst() >= window) {
                accepted.pollFirst();
            }
            if (accepted.size() >= max) {
                remainingOut[0] = 0;
                if (ourRequest) {
                    rejected++;
                }
                return 429;
            }
            accepted.addLast(at);
            remainingOut[0] = max - accepted.size();
            return 200;
        }
    }

    /** Runs {@code workers} clients for {@code seconds} virtual seconds, one event at a time in time order. */
    static SimulatedServer simulate(int workers, int seconds, int foreignPerWindow, long seed) {
        return simulate(workers, seconds, foreignPerWindow, seed, 190, false);
    }

    static SimulatedServer simulate(int workers, int seconds, int foreignPerWindow, long seed, int serverMax) {
        return simulate(workers, seconds, foreignPerWindow, seed, serverMax, false);
    }

    /**
     * @param foreignRetries whether the other user keeps what it was refused and resends it at its next turn while
     *     the window has room (a client with retries, as the sandbox's competing tenant), rather than dropping it
     */
    static SimulatedServer simulate(
            int workers, int seconds, int foreignPerWindow, long seed, int serverMax, boolean foreignRetries) {
        FakeTicker t = new FakeTicker();
        long origin = t.nanoTime();
        long window = 10_000 * MS;
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofNanos(window), t);
        SimulatedServer server = new SimulatedServer(serverMax, window);
        Random random = new Random(seed);
        // Event: {time, kind (0 = worker free, 1 = arrival, 2 = response, 3 = foreign arrival), worker}
        java.util.PriorityQueue<long[]> events = new java.util.PriorityQueue<>(
                (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[3], b[3]));
        long[] order = {0};
        RateLimiter.Permit[] permits = new RateLimiter.Permit[workers];
        int[] statuses = new int[workers];
        long[] remaining = new long[workers];
        for (int w = 0; w < workers; w++) {
            events.add(new long[] {origin, 0, w, order[0]++});
        }
        if (foreignPerWindow > 0) {
            for (long at = origin + window / (2L * foreignPerWindow);
                    at < origin + seconds * 1_000 * MS;
                    at += window / foreignPerWindow) {
                events.add(new long[] {at, 3, -1, order[0]++});
            }
        }
        long end = origin + seconds * 1_000 * MS;
        while (!events.isEmpty()) {
            long[] e = events.poll();
            if (e[0] > end) {
                break;
            }
            t.advance(e[0] - t.nanoTime());
            int w = (int) e[2];
            switch ((int) e[1]) {
                case 0 -> {
                    permits[w] = limiter.acquire();
                    long sendAt = e[0] + permits[w].waitNanos();
                    // 1 to 40 ms on the way there, with the occasional slow one.
                    long up = (1 + random.nextInt(random.nextInt(20) == 0 ? 400 : 40)) * MS;
                    events.add(new long[] {sendAt + up, 1, w, order[0]++});
                }
                case 1 -> {
                    long[] rem = new long[1];
                    statuses[w] = server.arrive(e[0], true, rem);
                    remaining[w] = rem[0];
                    if (statuses[w] == 200) {
                        server.ours++;
                        if (e[0] - origin < 60_000 * MS) {
                            server.oursInFirstMinute++;
                        }
                    }
                    events.add(new long[] {e[0] + (5 + random.nextInt(60)) * MS, 2, w, order[0]++});
                }
                case 2 -> {
                    permits[w].completed(
                            statuses[w],
                            headers(
                                    "X-HubSpot-RateLimit-Remaining",
                                    Long.toString(remaining[w]),
                                    "X-HubSpot-RateLimit-Max",
                                    Integer.toString(serverMax),
                                    "X-HubSpot-RateLimit-Interval-Milliseconds",
                                    "10000"));
                    events.add(new long[] {e[0], 0, w, order[0]++});
                }
                default -> {
                    server.foreignOwed++;
                    while (server.foreignOwed > 0 && server.arrive(e[0], false, new long[1]) == 200) {
                        server.foreignOwed--;
                    }
                    if (!foreignRetries) {
                        server.foreignOwed = 0;
                    }
                }
            }
        }
        return server;
    }

    @Test
    void usesTheWholeRollingWindowWithoutA429() {
        for (long seed = 1; seed <= 5; seed++) {
            SimulatedServer server = simulate(4, 60, 0, seed);
            // A perfect client gets 6 windows × 190 accepted in the first minute.
            assertTrue(
                    server.oursInFirstMinute >= 0.98 * 6 * 190,
                    "seed " + seed + ": accepted only " + server.oursInFirstMinute + " of 1140");
            assertTrue(server.oursInFirstMinute <= 6 * 190, "more than the limit allows: " + server.oursInFirstMinute);
            assertEquals(0, server.rejected, "seed " + seed + ": requests answered 429");
        }
    }

    @Test
    void pacesToTheServersLimitWhenTheAppsTierIsLowerThanConfigured() {
        // Configured for 190 but the server allows 100: the first burst overshoots, then the server's Max rules.
        SimulatedServer server = simulate(4, 60, 0, 3, 100);
        assertTrue(server.oursInFirstMinute >= 0.98 * 6 * 100, "accepted only " + server.oursInFirstMinute + " of 600");
        assertTrue(server.rejected <= 10, server.rejected + " requests answered 429");
    }

    @Test
    void makesRoomForAnotherUserOfTheSameToken() {
        SimulatedServer server = simulate(4, 120, 60, 7);
        // 60 of every 190 go to the other user; the headers show them, and the client takes the rest.
        int ourShare = 120 / 10 * (190 - 60);
        assertTrue(server.ours >= 0.9 * ourShare, "accepted only " + server.ours + " of about " + ourShare);
        assertTrue(
                server.rejected <= 0.02 * (server.ours + server.rejected),
                server.rejected + " of " + (server.ours + server.rejected) + " requests answered 429");
    }

    @Test
    void ourRequestsSentAfterAResponsesOwnDoNotHideAnotherUsersRequests() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        RateLimiter.Permit first = limiter.acquire();
        for (int i = 0; i < 4; i++) {
            limiter.acquire(); // still on their way when the first one's response comes back
        }
        // The server counted 96: the first request and 95 of someone else's; our four later ones arrived after it.
        first.completed(200, headers("X-HubSpot-RateLimit-Remaining", "94", "X-HubSpot-RateLimit-Max", "190"));
        // 95 are left to us, less the margin of 9: 86 per window, of which 5 are taken.
        assertEquals(81, burst(limiter, new ArrayList<>()));
    }

    @Test
    void ourOwnLaterRequestOvertakingAnEarlierOneIsNotTakenForAnotherUser() {
        FakeTicker t = new FakeTicker();
        RateLimiter limiter = RateLimiter.rollingWindow(190, Duration.ofSeconds(10), t);
        RateLimiter.Permit first = limiter.acquire();
        for (int i = 0; i < 4; i++) {
            limiter.acquire();
        }
        // The server counted 2: the first request and one of our later ones, which got there before it.
        first.completed(200, headers("X-HubSpot-RateLimit-Remaining", "188", "X-HubSpot-RateLimit-Max", "190"));
        assertEquals(185, burst(limiter, new ArrayList<>()), "the whole window is still ours");
    }

    @Test
    void sharesTheWindowWithAnotherUserThatRetriesWithFewRefusals() {
        for (long seed = 1; seed <= 5; seed++) {
            // Half the window goes to the other user, who resends what it is refused at its next turn.
            SimulatedServer server = simulate(4, 120, 95, seed, 190, true);
            int ourShare = 120 / 10 * (190 - 95);
            int sent = server.ours + server.rejected;
            assertTrue(server.ours >= 0.9 * ourShare, "seed " + seed + ": accepted only " + server.ours);
            assertTrue(
                    server.rejected < 0.02 * sent,
                    "seed " + seed + ": " + server.rejected + " of " + sent + " requests answered 429");
        }
    }

    @Test
    void holdsTheRateUnderConcurrencyEndToEnd() throws Exception {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
            int permits = 20;
            long windowMs = 400;
            List<Long> sendTimes = Collections.synchronizedList(new ArrayList<>());
            HttpTransport jdk = HttpTransport.jdk(Duration.ofSeconds(2));
            HttpTransport recording = r -> {
                sendTimes.add(System.nanoTime());
                return jdk.send(r);
            };
            ClientOptions options = ClientOptions.builder()
                    .accessToken("pat-na1-33333333-limiter")
                    .baseUrl("http://127.0.0.1:" + server.port())
                    .transport(recording)
                    .rateLimiter(RateLimiter.rollingWindow(permits, Duration.ofMillis(windowMs)))
                    .build();
            ApiInvoker invoker = ApiInvoker.create(options);
            ResponseMapper<JsonValue> mapper = ResponseMapper.<JsonValue>builder()
                    .json(200, JsonCodecs.JSON_VALUE, v -> v)
                    .build();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                futures.add(pool.submit(
                        () -> invoker.invoke(ApiRequest.builder("POST", "/x").build(), mapper)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            long elapsedMs = (System.nanoTime() - start) / MS;
            pool.shutdown();
            // 70 calls at 20 per 400 ms: calls 61..70 cannot start before 3 windows have passed.
            assertTrue(elapsedMs >= 3 * windowMs, "finished too fast: " + elapsedMs + " ms");
            List<Long> times = new ArrayList<>(sendTimes);
            Collections.sort(times);
            assertEquals(70, times.size());
            // Wake-up latency can only delay a start, so a slightly shorter window must never hold more than the limit.
            long checked = (windowMs - 80) * MS;
            for (int i = permits; i < times.size(); i++) {
                assertTrue(
                        times.get(i) - times.get(i - permits) >= checked,
                        "more than " + permits + " starts within " + (windowMs - 80) + " ms at " + i);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void theInvokerReportsEveryAttemptsOutcomeToItsPermit() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        RateLimiter recording = new RateLimiter() {
            @Override
            public long reserve() {
                throw new AssertionError("the invoker acquires permits");
            }

            @Override
            public Permit acquire() {
                events.add("acquire");
                return new Permit() {
                    @Override
                    public long waitNanos() {
                        return 0;
                    }

                    @Override
                    public void completed(int status, HttpHeaders headers) {
                        events.add("completed " + status
                                + (headers == null
                                        ? ""
                                        : " "
                                                + headers.firstValue("X-HubSpot-RateLimit-Remaining")
                                                        .orElse("-")));
                    }
                };
            }
        };
        int[] calls = {0};
        HttpTransport transport = r -> {
            if (calls[0]++ == 0) {
                throw new HttpTransport.RequestNotSentException("connection refused", null);
            }
            return new HttpTransport.Response(200, headers("X-HubSpot-RateLimit-Remaining", "42"), "{}".getBytes());
        };
        FakeTicker ticker = new FakeTicker();
        ApiInvoker invoker = ApiInvoker.create(ClientOptions.builder()
                .accessToken("pat-na1-44444444-permit")
                .transport(transport)
                .ticker(ticker)
                .rateLimiter(recording)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .build());
        invoker.invoke(
                ApiRequest.builder("POST", "/x").build(),
                ResponseMapper.<JsonValue>builder()
                        .json(200, JsonCodecs.JSON_VALUE, v -> v)
                        .build());
        // One permit per attempt; the failed attempt reports no response, the retry its status and headers.
        assertEquals(List.of("acquire", "completed 0", "acquire", "completed 200 42"), events);
    }

    @Test
    void clientsWithTheSameTokenShareALimiter() {
        ClientOptions a =
                ClientOptions.builder().accessToken("pat-na1-55555555-shared").build();
        ClientOptions b =
                ClientOptions.builder().accessToken("pat-na1-55555555-shared").build();
        ClientOptions c =
                ClientOptions.builder().accessToken("pat-na1-66666666-other").build();
        ClientOptions d = ClientOptions.builder()
                .accessToken("pat-na1-55555555-shared")
                .requestsPerTenSeconds(RateLimiter.TIER_INCREASED)
                .build();
        assertSame(a.rateLimiter(), b.rateLimiter());
        assertNotSame(a.rateLimiter(), c.rateLimiter());
        assertNotSame(a.rateLimiter(), d.rateLimiter());
        assertTrue(
                a.rateLimiter().toString().contains("190 per PT10S"),
                a.rateLimiter().toString());
        assertTrue(
                d.rateLimiter().toString().contains("250 per PT10S"),
                d.rateLimiter().toString());
    }
}
