package dev.crmgen.runtime.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request to your endpoint (a webhook, a workflow action, a CRM card fetch) really comes from HubSpot,
 * by the signature HubSpot computes with your app's client secret.
 *
 * <pre>{@code
 * WebhookSignatures signatures = WebhookSignatures.forClientSecret(System.getenv("HUBSPOT_CLIENT_SECRET"));
 * Verdict verdict = signatures.verifyV3("POST", "https://hooks.acme.com/hubspot?portal=1", rawBody,
 *         headers.get("X-HubSpot-Request-Timestamp"), headers.get("X-HubSpot-Signature-v3"));
 * if (verdict != Verdict.VALID) { respond 401 }
 * }</pre>
 *
 * <p><b>v3</b> ({@code X-HubSpot-Signature-v3}): base64 of HMAC-SHA256, keyed with the client secret, over the method,
 * the URI, the raw body and the {@code X-HubSpot-Request-Timestamp} header (epoch milliseconds), all as UTF-8. The
 * URI must be the one HubSpot called, scheme and host included, exactly as configured in the app (behind a
 * TLS-terminating proxy, rebuild the public {@code https} URL); the characters HubSpot lists ({@code : / ? @ ! $ ' (
 * ) * , ;}) are compared decoded, as HubSpot signs them. A timestamp more than {@link #MAX_AGE} away from this
 * clock is refused, so a captured request cannot be replayed later. <b>v1</b> and <b>v2</b>
 * ({@code X-HubSpot-Signature} with {@code X-HubSpot-Signature-Version}) are the older hex SHA-256 forms HubSpot
 * still sends alongside; they carry no timestamp. Every comparison takes the same time whatever the input.
 *
 * <p>The secret is never part of a message or {@code toString()}.
 */
public final class WebhookSignatures {
    /** How far a v3 request's timestamp may be from the clock: HubSpot's documented five minutes. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final String[][] DECODED = {
        {"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"}, {"%24", "$"},
        {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"},
    };

    /** What a check found. */
    public enum Verdict {
        /** The signature matches and, for v3, the timestamp is recent. */
        VALID,
        /** The signature or timestamp header is absent or blank, or the timestamp is not a number. */
        MISSING_HEADER,
        /** The signature matches nothing this secret signs: tampered, forged, or another app's. */
        BAD_SIGNATURE,
        /** The v3 timestamp is more than {@link #MAX_AGE} from the clock: a replay, or a clock far off. */
        STALE
    }

    private final byte[] secret;
    private final Clock clock;

    private WebhookSignatures(byte[] secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** Checks signatures made with {@code clientSecret}, timing v3 requests by the system clock. */
    public static WebhookSignatures forClientSecret(String clientSecret) {
        return forClientSecret(clientSecret, Clock.systemUTC());
    }

    /** As {@link #forClientSecret(String)}, with another clock (tests, or a clock you trust more). */
    public static WebhookSignatures forClientSecret(String clientSecret, Clock clock) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(clock, "clock");
        if (clientSecret.isBlank()) {
            throw new IllegalArgumentException("the client secret is blank");
        }
        return new WebhookSignatures(clientSecret.getBytes(StandardCharsets.UTF_8), clock);
    }

    /**
     * Checks a v3 signature.
     *
     * @param method the request's HTTP method, as received
     * @param uri the full URI HubSpot called, query included
     * @param body the raw request body, exactly as received (empty for none)
     * @param timestampHeader {@code X-HubSpot-Request-Timestamp}
     * @param signatureHeader {@code X-HubSpot-Signature-v3}
     */
    public Verdict verifyV3(String method, String uri, byte[] body, String timestampHeader, String signatureHeader) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        if (blank(timestampHeader) || blank(signatureHeader)) {
            return Verdict.MISSING_HEADER;
        }
        long millis;
        try {
            millis = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.MISSING_HEADER;
        }
        Duration age =
                Duration.between(Instant.ofEpochMilli(millis), clock.instant()).abs();
        byte[] expected = hmacSha256(concat(method + canonicalUri(uri), body, timestampHeader.trim()));
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signatureHeader.trim());
        } catch (IllegalArgumentException e) {
            return Verdict.BAD_SIGNATURE;
        }
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.BAD_SIGNATURE;
        }
        // Checked after the signature, so a forged request learns nothing about the clock.
        return age.compareTo(MAX_AGE) > 0 ? Verdict.STALE : Verdict.VALID;
    }

    /** Checks a v1 signature ({@code X-HubSpot-Signature-Version: v1}): hex SHA-256 of secret and body. */
    public Verdict verifyV1(byte[] body, String signatureHeader) {
        Objects.requireNonNull(body, "body");
        return hexMatches(concat("", body, ""), signatureHeader);
    }

    /** Checks a v2 signature ({@code X-HubSpot-Signature-Version: v2}): hex SHA-256 of secret, method, URI, body. */
    public Verdict verifyV2(String method, String uri, byte[] body, String signatureHeader) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        return hexMatches(concat(method + uri, body, ""), signatureHeader);
    }

    @Override
    public String toString() {
        return "WebhookSignatures[secret=<redacted>]";
    }

    private Verdict hexMatches(byte[] afterSecret, String signatureHeader) {
        if (blank(signatureHeader)) {
            return Verdict.MISSING_HEADER;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Verdict.BAD_SIGNATURE;
        }
        MessageDigest sha256 = digest();
        sha256.update(secret);
        sha256.update(afterSecret);
        return MessageDigest.isEqual(sha256.digest(), given) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** The URI as HubSpot signs it: the characters it lists are decoded, in any case of hex digit. */
    static String canonicalUri(String uri) {
        if (uri.indexOf('%') < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length());
        int i = 0;
        while (i < uri.length()) {
            String decoded = uri.charAt(i) == '%' && i + 3 <= uri.length() ? decoded(uri.substring(i, i + 3)) : null;
            if (decoded != null) {
                out.append(decoded);
                i += 3;
            } else {
                out.append(uri.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static String decoded(String escape) {
        for (String[] pair : DECODED) {
            if (pair[0].equalsIgnoreCase(escape)) {
                return pair[1];
            }
        }
        return null;
    }

    private byte[] hmacSha256(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    private static byte[] concat(String before, byte[] body, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
        return all;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
