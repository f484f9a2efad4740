package dev.accords.paging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

public final class Timestamps {

    private Timestamps() {
    }

    /** Now, at PostgreSQL's precision (microseconds), so keyset cursors round-trip exactly. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
