package dev.crmgen.runtime;

import dev.crmgen.runtime.internal.DailyLimitGate;
import dev.crmgen.runtime.internal.Secrets;
import dev.crmgen.runtime.internal.SharedRateLimiters;
import dev.crmgen.runtime.ratelimit.Ticker;

/** What the invoker checks of each token before use: that it can go into a header, and its daily-limit gate. */
final class TokenChecks {
    private final Ticker ticker;
    /** The daily-limit gate of the token used last; looked up again only when the token changes. */
    private volatile TokenGate lastGate;

    TokenChecks(Ticker ticker) {
        this.ticker = ticker;
    }

    /**
     * The provider's token, checked before it goes into a header: the JDK rejects a header value with a line break
     * or control character and quotes the whole value in its message, so such a token fails here, naming the
     * offending character's position but never the token. {@code secrets} remembers it, to scrub it from what the
     * call produces.
     */
    String checked(String token, Secrets secrets) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("the AccessTokenProvider returned no token");
        }
        secrets.remember(token);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw new IllegalStateException("the AccessTokenProvider returned a token that cannot be sent in an "
                        + "HTTP header: character " + (i + 1) + " of " + token.length() + " is "
                        + (c == '\n'
                                ? "a line feed"
                                : c == '\r'
                                        ? "a carriage return"
                                        : c == ' ' ? "a space" : String.format("U+%04X", (int) c))
                        + " (tokens are printable ASCII without spaces)");
            }
        }
        return token;
    }

    /** The daily-limit gate shared by every client of {@code token} (on the same ticker). */
    DailyLimitGate dailyLimitGate(String token) {
        TokenGate last = lastGate;
        if (last != null && last.token().equals(token)) {
            return last.gate();
        }
        DailyLimitGate gate = SharedRateLimiters.dailyLimitGate(token, ticker);
        lastGate = new TokenGate(token, gate);
        return gate;
    }

    private record TokenGate(String token, DailyLimitGate gate) {
        @Override
        public String toString() {
            return "TokenGate[redacted]";
        }
    }
}
