package dev.crmgen.sandbox;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The correlation ids of a sandbox's answers: unique per sandbox and reproducible, from a counter. */
final class CorrelationIds {
    private final AtomicLong sequence = new AtomicLong();

    /** The next id, shaped like a version-4 UUID as HubSpot's are. */
    String next() {
        return new UUID(0x5a4db0c5_0000_4000L, 0x8000_0000_0000_0000L | sequence.incrementAndGet()).toString();
    }
}
