package dev.accords.paging;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position after the last item of a page: the sort value and the id that breaks ties.
 * Opaque to clients (base64url); it names the ordering it belongs to, so a cursor cannot be
 * replayed against another sort.
 */
public record PageCursor(String ordering, String sortValue, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static PageCursor after(String ordering, Instant sortValue, UUID id) {
        return new PageCursor(ordering, Long.toString(micros(sortValue)), id);
    }

    public static PageCursor after(String ordering, long sortValue, UUID id) {
        return new PageCursor(ordering, Long.toString(sortValue), id);
    }

    public String encode() {
        return ENCODER.encodeToString(("1|" + ordering + "|" + sortValue + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client's cursor; null stays null (first page). */
    public static PageCursor decode(String cursor, String expectedOrdering) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals("1") || !parts[1].equals(expectedOrdering)) {
                throw invalid();
            }
            return new PageCursor(parts[1], parts[2], UUID.fromString(parts[3]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** For orderings on more than one column: the values joined with ':'. */
    public static PageCursor after(String ordering, UUID id, Object... sortValues) {
        StringBuilder value = new StringBuilder();
        for (Object sortValue : sortValues) {
            if (!value.isEmpty()) {
                value.append(':');
            }
            value.append(sortValue instanceof Instant instant ? micros(instant) : sortValue);
        }
        return new PageCursor(ordering, value.toString(), id);
    }

    public Instant instantValue() {
        return instant(sortValue);
    }

    public long longValue() {
        return number(sortValue);
    }

    /** The i-th value of a multi-column cursor, as a number. */
    public long longValue(int index) {
        return number(part(index));
    }

    /** The i-th value of a multi-column cursor, as an instant. */
    public Instant instantValue(int index) {
        return instant(part(index));
    }

    private String part(int index) {
        String[] parts = sortValue.split(":", -1);
        if (index >= parts.length) {
            throw invalid();
        }
        return parts[index];
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant instant(String value) {
        return Instant.EPOCH.plus(number(value), ChronoUnit.MICROS);
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return new ApiException(ProblemCode.INVALID_CURSOR,
                "cursor is not one this list returned for this sort order; start again without it");
    }
}
