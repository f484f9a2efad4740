package dev.accords.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.accords.problem.ApiException;
import dev.accords.problem.FieldError;
import dev.accords.problem.ProblemCode;

/** JSON Merge Patch (RFC 7396) on Optional fields: what may not be removed, and what counts as a change. */
class MergePatchTest {

    @Test
    void shouldTakeTheValueOfARequiredField() {
        assertThat(MergePatch.required(Optional.of("Minerals"), "title")).isEqualTo("Minerals");
    }

    @Test
    void shouldRefuseNullForARequiredFieldAndNameIt() {
        assertThatThrownBy(() -> MergePatch.required(Optional.empty(), "title"))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
                    assertThat(refusal.errors()).extracting(FieldError::field).containsExactly("title");
                });
    }

    @Test
    void shouldSetOnlyWhatChanges() {
        List<String> written = new ArrayList<>();
        assertThat(MergePatch.set("Minerals", "Minerals", written::add)).isFalse();
        assertThat(MergePatch.<String>set(null, null, written::add)).isFalse();
        assertThat(written).as("a value equal to the current one is not written").isEmpty();

        assertThat(MergePatch.set("Minerals", "Fund", written::add)).isTrue();
        assertThat(MergePatch.set("Fund", null, written::add)).isTrue();
        assertThat(MergePatch.set(null, "Fund", written::add)).isTrue();
        assertThat(written).containsExactly("Fund", null, "Fund");
    }
}
