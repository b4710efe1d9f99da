package dev.crmgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crmgen.runtime.ratelimit.RateLimiter;
import dev.crmgen.runtime.ratelimit.RetryPolicy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {
    @Test
    void defaultsToHubSpotOverHttps() {
        ClientOptions o =
                ClientOptions.builder().accessToken("pat-na1-11111111-options").build();
        assertEquals(URI.create("https://api.hubapi.com"), o.baseUrl());
        assertEquals(RetryPolicy.defaults(), o.retryPolicy());
        assertEquals(java.time.Duration.ofSeconds(30), o.requestTimeout());
    }

    @Test
    void aCopyWithAnotherTokenOrTierUsesThatTokensSharedLimiter() {
        ClientOptions first =
                ClientOptions.builder().accessToken("pat-na1-33333333-first").build();
        ClientOptions second =
                ClientOptions.builder().accessToken("pat-na1-44444444-second").build();

        assertSame(
                second.rateLimiter(),
                first.toBuilder().accessToken("pat-na1-44444444-second").build().rateLimiter());
        assertSame(first.rateLimiter(), first.toBuilder().build().rateLimiter());
        ClientOptions starter = ClientOptions.builder()
                .accessToken("pat-na1-33333333-first")
                .requestsPerTenSeconds(100)
                .build();
        assertSame(
                starter.rateLimiter(),
                first.toBuilder().requestsPerTenSeconds(100).build().rateLimiter());
        assertNotSame(first.rateLimiter(), starter.rateLimiter());

        RateLimiter own = RateLimiter.unlimited();
        ClientOptions given = first.toBuilder().rateLimiter(own).build();
        assertSame(
                own,
                given.toBuilder().accessToken("pat-na1-44444444-second").build().rateLimiter());
    }

    @Test
    void plainHttpOnlyForLoopback() {
        for (String ok : new String[] {
            "http://127.0.0.1:8080", "http://localhost:1/", "http://[::1]:9000", "https://eu1.hubapi.com/"
        }) {
            ClientOptions.builder().baseUrl(ok);
        }
        assertEquals(
                URI.create("http://localhost:1"),
                ClientOptions.builder()
                        .accessToken("pat-na1-22222222-options")
                        .baseUrl("http://localhost:1/")
                        .build()
                        .baseUrl());
        for (String bad : new String[] {
            "http://api.hubapi.com", "http://10.0.0.1", "http://127.0.0.1.evil.com", "ftp://x", "api.hubapi.com"
        }) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> ClientOptions.builder().baseUrl(bad),
                    bad);
            assertTrue(e.getMessage().contains("https"), e.getMessage());
        }
    }

    @Test
    void credentialsAreRequiredAndExplained() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> ClientOptions.builder().build());
        assertTrue(e.getMessage().contains("HUBSPOT_ACCESS_TOKEN"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> ClientOptions.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains("HUBSPOT_ACCESS_TOKEN is not set"), e.getMessage());
        assertThrows(
                IllegalStateException.class, () -> ClientOptions.fromEnvironment(Map.of("HUBSPOT_ACCESS_TOKEN", "  ")));
        ClientOptions o = ClientOptions.fromEnvironment(Map.of("HUBSPOT_ACCESS_TOKEN", "pat-na1-e7e7e7e7-ENV-SECRET"))
                .build();
        assertEquals("pat-na1-e7e7e7e7-ENV-SECRET", o.tokenProvider().accessToken());
        assertFalse(o.toString().contains("pat-na1-e7e7e7e7-ENV-SECRET"), o.toString());
        assertThrows(
                IllegalArgumentException.class, () -> ClientOptions.builder().accessToken(" "));
    }

    @Test
    void requestBuilderRejectsMistakes() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ApiRequest.builder("GET", "/a/{id}").build());
        assertThrows(
                IllegalArgumentException.class,
                () -> ApiRequest.builder("GET", "/a/{id}").pathParam("other", 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> ApiRequest.builder("GET", "/a").header("Authorization", "Bearer x"));
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.builder("GET", "a"));
        assertTrue(ApiRequest.builder("GET", "/a").build().retrySafe());
        assertTrue(ApiRequest.builder("delete", "/a").build().retrySafe());
        assertFalse(ApiRequest.builder("POST", "/a").build().retrySafe());
        assertEquals(
                "%C3%A9%20%2B%26%3D~",
                ApiRequest.builder("GET", "/a/{x}")
                        .pathParam("x", "é +&=~")
                        .build()
                        .path()
                        .substring(3));
    }
}
