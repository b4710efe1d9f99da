package dev.crmgen.benchmarks.harness;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard output, with the wall-clock time so a long run can be followed. */
final class Log {

    void info(String message) {
        System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
        System.out.flush();
    }
}
