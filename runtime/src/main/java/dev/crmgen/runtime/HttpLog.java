package dev.crmgen.runtime;

import dev.crmgen.runtime.http.HttpTransport;
import dev.crmgen.runtime.internal.RuntimeLog;
import dev.crmgen.runtime.internal.Secrets;
import java.nio.charset.StandardCharsets;

/** The invoker's log lines for retries and, with {@link ClientOptions#logHttp()}, the exchanges; never the token. */
final class HttpLog {
    private static final System.Logger LOG = RuntimeLog.LOG;
    private static final int MAX_LOGGED_BODY = 2000;

    private final Secrets secrets;
    private final boolean logHttp;
    private final int maxRetries;

    HttpLog(Secrets secrets, boolean logHttp, int maxRetries) {
        this.secrets = secrets;
        this.logHttp = logHttp;
        this.maxRetries = maxRetries;
    }

    /** The same log lines, scrubbed of {@code secrets}' tokens: those of one call with a token of its own. */
    HttpLog with(Secrets secrets) {
        return new HttpLog(secrets, logHttp, maxRetries);
    }

    /** One INFO line per retry. */
    void retry(ApiRequest request, String reason, int retryNumber, long delayNanos) {
        LOG.log(
                System.Logger.Level.INFO,
                () -> secrets.scrub(request.describe() + ": " + reason + "; retry " + retryNumber + "/" + maxRetries
                        + " in " + millis(delayNanos) + " ms"));
    }

    /** The request at INFO, when HTTP logging is on. */
    void request(HttpTransport.Request r) {
        if (logHttp) {
            LOG.log(System.Logger.Level.INFO, () -> secrets.scrub("--> " + r + bodyText(r.body())));
        }
    }

    /** The response at INFO, when HTTP logging is on. */
    void response(HttpTransport.Response r, long nanos) {
        if (logHttp) {
            LOG.log(
                    System.Logger.Level.INFO,
                    () -> secrets.scrub("<-- " + r.status() + " in " + millis(nanos) + " ms"
                            + r.headers()
                                    .firstValue("X-HubSpot-Correlation-Id")
                                    .map(c -> " [correlationId " + c + "]")
                                    .orElse("")
                            + bodyText(r.body())));
        }
    }

    private static String bodyText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, MAX_LOGGED_BODY), StandardCharsets.UTF_8);
        return "\n" + s + (body.length > MAX_LOGGED_BODY ? "... (" + body.length + " bytes)" : "");
    }

    /** Nanoseconds as whole milliseconds, rounded up. */
    static long millis(long nanos) {
        return (nanos + 999_999) / 1_000_000;
    }
}
