package dev.accords.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/** Keyset cursors: what a page hands out comes back as the same position, and nothing else is taken. */
class PageCursorTest {

    private static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
    private static final Instant CREATED = Instant.parse("2025-02-28T15:04:05.123456Z");

    @Test
    void shouldComeBackAsTheSamePositionForAnInstant() {
        PageCursor cursor = PageCursor.decode(PageCursor.after("createdAt", CREATED, ID).encode(), "createdAt");
        assertThat(cursor.instantValue()).isEqualTo(CREATED);
        assertThat(cursor.id()).isEqualTo(ID);
        assertThat(cursor.ordering()).isEqualTo("createdAt");
    }

    @Test
    void shouldKeepMicrosecondsAndDropWhatPostgresqlCannotStore() {
        Instant nanos = CREATED.plusNanos(789);
        assertThat(PageCursor.decode(PageCursor.after("createdAt", nanos, ID).encode(), "createdAt").instantValue())
                .isEqualTo(CREATED);
    }

    @Test
    void shouldComeBackAsTheSamePositionForANumberAndForSeveralColumns() {
        assertThat(PageCursor.decode(PageCursor.after("-priority", -42L, ID).encode(), "-priority").longValue())
                .isEqualTo(-42L);
        PageCursor cursor = PageCursor.decode(PageCursor.after("urgency", ID, 3, CREATED, 7L).encode(), "urgency");
        assertThat(cursor.longValue(0)).isEqualTo(3);
        assertThat(cursor.instantValue(1)).isEqualTo(CREATED);
        assertThat(cursor.longValue(2)).isEqualTo(7);
        assertThat(cursor.id()).isEqualTo(ID);
    }

    @Test
    void shouldBeUrlSafeText() {
        assertThat(PageCursor.after("urgency", ID, 3, CREATED, 7L).encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void shouldLeaveNoCursorAsTheFirstPage() {
        assertThat(PageCursor.decode(null, "createdAt")).isNull();
    }

    @Test
    void shouldRefuseACursorOfAnotherSortOrder() {
        String cursor = PageCursor.after("createdAt", CREATED, ID).encode();
        assertInvalid(() -> PageCursor.decode(cursor, "-createdAt"));
    }

    @Test
    void shouldRefuseWhatNoListHandedOut() {
        for (String cursor : new String[]{"", "!", "not base64 at all", encoded("2|createdAt|1|" + ID),
                encoded("1|createdAt|1"), encoded("1|createdAt|1|" + ID + "|extra"), encoded("1|createdAt|1|not-a-uuid"),
                "x".repeat(600)}) {
            assertInvalid(() -> PageCursor.decode(cursor, "createdAt"));
        }
    }

    @Test
    void shouldRefuseASortValueOfTheWrongKind() {
        PageCursor text = PageCursor.decode(encoded("1|createdAt|yesterday|" + ID), "createdAt");
        assertInvalid(text::instantValue);
        assertInvalid(text::longValue);
        PageCursor twoColumns = PageCursor.decode(PageCursor.after("urgency", ID, 3, 4).encode(), "urgency");
        assertInvalid(() -> twoColumns.longValue(2));
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable decoding) {
        assertThatThrownBy(decoding).isInstanceOfSatisfying(ApiException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(ProblemCode.INVALID_CURSOR));
    }
}
