package dev.crmgen.runtime.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crmgen.runtime.webhook.WebhookSignatures.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {
    /** The client secret and body of HubSpot's own request-validation examples. */
    private static final String SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";

    private static final byte[] BODY = ("[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,"
                    + "\"occurredAt\":1564113600000,\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,"
                    + "\"objectId\":123,\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]")
            .getBytes(StandardCharsets.UTF_8);

    private static final String TIMESTAMP = "1764000000000";
    private static final String URI = "https://www.example.com/webhook_uri?email=test@example.com&name=(a)";
    /** Computed independently of this code, with Python's hmac module, for SECRET, URI, BODY and TIMESTAMP. */
    private static final String V3_SIGNATURE = "Ul/HfeY/O3ggouRO6OObLYQDVBFipExbHNwzh2toYxk=";

    private static WebhookSignatures at(Instant now) {
        return WebhookSignatures.forClientSecret(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final Instant SENT = Instant.ofEpochMilli(Long.parseLong(TIMESTAMP));

    @Test
    void acceptsHubSpotsDocumentedV1AndV2Examples() {
        WebhookSignatures signatures = WebhookSignatures.forClientSecret(SECRET);
        assertEquals(
                Verdict.VALID,
                signatures.verifyV1(BODY, "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de"));
        assertEquals(
                Verdict.VALID,
                signatures.verifyV2(
                        "GET",
                        "https://www.example.com/webhook_uri",
                        new byte[0],
                        "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e"));
        assertEquals(
                Verdict.BAD_SIGNATURE,
                signatures.verifyV2(
                        "POST",
                        "https://www.example.com/webhook_uri",
                        new byte[0],
                        "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e"));
    }

    @Test
    void acceptsAFreshV3SignatureWithTheUriEncodedEitherWay() {
        WebhookSignatures signatures = at(SENT.plus(Duration.ofMinutes(1)));
        assertEquals(Verdict.VALID, signatures.verifyV3("POST", URI, BODY, TIMESTAMP, V3_SIGNATURE));
        String encoded = "https://www.example.com/webhook_uri?email=test%40example.com&name=%28a%29";
        assertEquals(
                Verdict.VALID,
                signatures.verifyV3("POST", encoded, BODY, TIMESTAMP, V3_SIGNATURE),
                "HubSpot signs the listed characters decoded");
    }

    @Test
    void decodesOnlyTheCharactersHubSpotLists() {
        assertEquals(
                "https://x.io/a:b/c?q=(1)*2,3;4@5!6$7'8",
                WebhookSignatures.canonicalUri("https://x.io/a%3Ab%2fc?q=%281%29%2A2%2c3%3B4%405%216%247%278"));
        assertEquals(
                "https://x.io/a%20b?q=%26%3D%",
                WebhookSignatures.canonicalUri("https://x.io/a%20b?q=%26%3D%"), "other escapes stay as they are");
    }

    @Test
    void rejectsTamperedBodyUriMethodTimestampAndSignature() {
        WebhookSignatures signatures = at(SENT);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] = '2';
        assertEquals(Verdict.BAD_SIGNATURE, signatures.verifyV3("POST", URI, tampered, TIMESTAMP, V3_SIGNATURE));
        assertEquals(
                Verdict.BAD_SIGNATURE,
                signatures.verifyV3("POST", URI.replace("(a)", "(b)"), BODY, TIMESTAMP, V3_SIGNATURE));
        assertEquals(
                Verdict.BAD_SIGNATURE,
                signatures.verifyV3("POST", URI.replace("https", "http"), BODY, TIMESTAMP, V3_SIGNATURE));
        assertEquals(Verdict.BAD_SIGNATURE, signatures.verifyV3("PUT", URI, BODY, TIMESTAMP, V3_SIGNATURE));
        assertEquals(
                Verdict.BAD_SIGNATURE,
                signatures.verifyV3("POST", URI, BODY, "1764000000001", V3_SIGNATURE),
                "the timestamp is signed, so moving it forward breaks the signature");
        assertEquals(
                Verdict.BAD_SIGNATURE,
                signatures.verifyV3("POST", URI, BODY, TIMESTAMP, "Ul/HfeY/O3ggouRO6OObLYQDVBFipExbHNwzh2toYxj="));
        assertEquals(Verdict.BAD_SIGNATURE, signatures.verifyV3("POST", URI, BODY, TIMESTAMP, "not base64 at all!"));
        assertEquals(
                Verdict.BAD_SIGNATURE,
                WebhookSignatures.forClientSecret("another-app", Clock.fixed(SENT, ZoneOffset.UTC))
                        .verifyV3("POST", URI, BODY, TIMESTAMP, V3_SIGNATURE));
    }

    @Test
    void rejectsRequestsOutsideTheFiveMinuteWindowEvenWhenSigned() {
        assertEquals(
                Verdict.VALID,
                at(SENT.plus(WebhookSignatures.MAX_AGE)).verifyV3("POST", URI, BODY, TIMESTAMP, V3_SIGNATURE));
        assertEquals(
                Verdict.STALE,
                at(SENT.plus(WebhookSignatures.MAX_AGE).plusMillis(1))
                        .verifyV3("POST", URI, BODY, TIMESTAMP, V3_SIGNATURE),
                "a replay");
        assertEquals(
                Verdict.STALE,
                at(SENT.minus(Duration.ofMinutes(6))).verifyV3("POST", URI, BODY, TIMESTAMP, V3_SIGNATURE),
                "from the future");
    }

    @Test
    void reportsMissingHeadersAndKeepsTheSecretOutOfMessages() {
        WebhookSignatures signatures = at(SENT);
        assertEquals(Verdict.MISSING_HEADER, signatures.verifyV3("POST", URI, BODY, null, V3_SIGNATURE));
        assertEquals(Verdict.MISSING_HEADER, signatures.verifyV3("POST", URI, BODY, TIMESTAMP, " "));
        assertEquals(Verdict.MISSING_HEADER, signatures.verifyV3("POST", URI, BODY, "yesterday", V3_SIGNATURE));
        assertEquals(Verdict.MISSING_HEADER, signatures.verifyV1(BODY, null));

        assertFalse(signatures.toString().contains(SECRET), signatures.toString());
        assertThrows(IllegalArgumentException.class, () -> WebhookSignatures.forClientSecret("  "));
    }
}
