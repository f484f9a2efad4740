package dev.accords.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * What a problem's detail may echo of the request. Jackson refuses an unknown field before it can
 * see it twice, so an over-long duplicated name cannot be sent through the API; the cap is checked
 * here, on the exception Jackson would raise.
 */
class ProblemResponsesTest {

    @Test
    void shouldNameADuplicatedFieldInAtMost100Characters() {
        String name = "a".repeat(99) + "X" + "Y".repeat(10_000);
        Problem problem = ProblemResponses.toProblem(duplicate(name), "/v1/agreements", "id");
        assertThat(problem.code()).isEqualTo("MALFORMED_REQUEST_BODY");
        assertThat(problem.detail()).contains("duplicate field \"" + "a".repeat(99) + "\u2026\"")
                .doesNotContain("X").doesNotContain("Y");
    }

    @Test
    void shouldNotSplitASurrogatePairWhenItCutsAName() {
        String name = "\uD83D\uDE00".repeat(150); // 150 characters, each a surrogate pair
        Problem problem = ProblemResponses.toProblem(duplicate(name), "/v1/agreements", "id");
        assertThat(problem.detail()).contains("\"" + "\uD83D\uDE00".repeat(99) + "\u2026\"")
                .doesNotContain("\uD83D\uDE00".repeat(100));
    }

    @Test
    void shouldNameAShortDuplicatedFieldWhole() {
        Problem problem = ProblemResponses.toProblem(duplicate("title"), "/v1/agreements", "id");
        assertThat(problem.detail()).startsWith("the body has a duplicate field \"title\" (line ");
    }

    /** The exception Jackson's strict duplicate detection raises. */
    private static JsonParseException duplicate(String name) {
        return new JsonParseException((JsonParser) null, "Duplicate field '" + name + "'", JsonLocation.NA);
    }
}
