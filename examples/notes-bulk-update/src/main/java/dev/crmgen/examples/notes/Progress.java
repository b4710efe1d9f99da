package dev.crmgen.examples.notes;

import dev.crmgen.runtime.batch.BatchProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows batch progress: a redrawn bar on a terminal, one line per second when output goes to a file or a CI log
 * (where a redrawn bar would become thousands of carriage returns), or nothing.
 */
final class Progress implements Consumer<BatchProgress>, AutoCloseable {
    /** How progress is shown. */
    enum Mode {
        AUTO,
        BAR,
        LINES,
        NONE
    }

    private final ProgressBar bar;
    /** Rows completed before the current pass (a pass after a daily-limit wait starts again from zero). */
    private long offset;

    Progress(Mode mode, int total, PrintStream out) {
        Mode effective = mode == Mode.AUTO ? (System.console() != null ? Mode.BAR : Mode.LINES) : mode;
        if (effective == Mode.NONE) {
            bar = null;
            return;
        }
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("Updating notes")
                .setInitialMax(total)
                .setUnit(" notes", 1)
                .showSpeed();
        if (effective == Mode.BAR) {
            builder.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(100);
        } else {
            builder.setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(1000)
                    .setConsumer(new DelegatingProgressBarConsumer(out::println, 130));
        }
        bar = builder.build();
    }

    @Override
    public void accept(BatchProgress progress) {
        if (bar != null) {
            bar.stepTo(offset + progress.completed());
            bar.setExtraMessage(String.format(
                    Locale.ROOT, " failed %d, unconfirmed %d", progress.failed(), progress.unconfirmed()));
        }
    }

    /** Starts a new stream of requests after {@code completed} rows got their outcome. */
    void startPass(long completed) {
        offset = completed;
    }

    /** Shows why nothing moves, e.g. a wait for the daily limit's reset. */
    void waiting(String message) {
        if (bar != null) {
            bar.setExtraMessage(" " + message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
