package dev.accords.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.accords.problem.ApiException;
import dev.accords.problem.FieldError;
import dev.accords.problem.ProblemCode;

/** ETags are versions, quoted; If-Match compares strongly, If-None-Match weakly (RFC 9110 §13.1). */
class ETagsTest {

    @Test
    void shouldQuoteTheVersion() {
        assertThat(ETags.of(3).toString()).isEqualTo("\"3\"");
        assertThat(ETags.of(3).isWeak()).isFalse();
    }

    @Test
    void shouldLetARequestWithoutIfMatchOrWithTheCurrentTagThrough() {
        for (String ifMatch : new String[]{null, "\"3\"", "*", " \"3\" ", "\"1\", \"3\"", "\"3\",\"4\""}) {
            assertThatCode(() -> ETags.requireMatch(ifMatch, 3)).as(ifMatch).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldRefuseAStaleOrWeakTagWith412() {
        for (String ifMatch : new String[]{"\"2\"", "\"1\", \"2\"", "W/\"3\"", "\"03\""}) {
            assertThatThrownBy(() -> ETags.requireMatch(ifMatch, 3)).as(ifMatch)
                    .isInstanceOfSatisfying(ApiException.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(ProblemCode.PRECONDITION_FAILED);
                        assertThat(refusal.getMessage()).contains("\"3\"");
                    });
        }
    }

    @Test
    void shouldRefuseAHeaderThatIsNoListOfQuotedTags() {
        for (String malformed : new String[]{"3", "\"3", "3\"", "", ",", " , ", "*, \"3\"", "\"3\", *", "W/3", "\"3\"\"4\""}) {
            assertMalformed(() -> ETags.requireMatch(malformed, 3), "If-Match", malformed);
            assertMalformed(() -> ETags.noneMatchHits(malformed, 3), "If-None-Match", malformed);
        }
    }

    @Test
    void shouldHitWhenIfNoneMatchNamesTheCurrentVersionWeaklyOrNot() {
        assertThat(ETags.noneMatchHits(null, 3)).isFalse();
        assertThat(ETags.noneMatchHits("\"3\"", 3)).isTrue();
        assertThat(ETags.noneMatchHits("W/\"3\"", 3)).isTrue();
        assertThat(ETags.noneMatchHits("\"1\", W/\"3\"", 3)).isTrue();
        assertThat(ETags.noneMatchHits("*", 3)).isTrue();
        assertThat(ETags.noneMatchHits("\"2\"", 3)).isFalse();
        assertThat(ETags.noneMatchHits("\"2\", \"4\"", 3)).isFalse();
    }

    private static void assertMalformed(org.assertj.core.api.ThrowableAssert.ThrowingCallable check, String header,
                                        String value) {
        assertThatThrownBy(check).as("%s: %s", header, value).isInstanceOfSatisfying(ApiException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(refusal.errors()).extracting(FieldError::field).containsExactly(header);
        });
    }
}
