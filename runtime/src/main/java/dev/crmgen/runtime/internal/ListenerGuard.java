package dev.crmgen.runtime.internal;

import dev.crmgen.runtime.observe.CallListener;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers events to a user's {@link CallListener} so that its failures never reach the call: the first exception is
 * logged at WARNING with its stack trace, later ones at DEBUG, so a broken listener cannot flood the log.
 */
public final class ListenerGuard {
    private final CallListener listener;
    private final AtomicBoolean warned = new AtomicBoolean();

    public ListenerGuard(CallListener listener) {
        this.listener = listener;
    }

    public void attempt(CallListener.AttemptEvent event) {
        try {
            listener.onAttempt(event);
        } catch (Exception e) {
            report("onAttempt", e);
        }
    }

    public void call(CallListener.CallEvent event) {
        try {
            listener.onCall(event);
        } catch (Exception e) {
            report("onCall", e);
        }
    }

    private void report(String callback, Exception e) {
        System.Logger.Level level =
                warned.compareAndSet(false, true) ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        RuntimeLog.LOG.log(
                level,
                "CallListener " + listener.getClass().getName() + "." + callback
                        + " threw; the call goes on (later failures of this listener are logged at DEBUG)",
                e);
    }
}
