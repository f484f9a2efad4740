package dev.accords.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A request path as a problem's {@code instance}: always a valid URI reference, the client's escapes kept. */
class UriReferencesTest {

    /**
     * An absolute path as RFC 3986 §3.3 defines it: a '/', then '/' and pchar only, where every '%'
     * starts an escape of two hex digits (two patterns: one with the escapes as a group overflows the
     * stack on a long path).
     */
    private static final Pattern PATH_CHARACTERS = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*");
    private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @Test
    void shouldKeepAPathThatIsAlreadyAValidReference() {
        String path = "/v1/agreements/3fa85f64-5717-4562-b3fc-2c963f66afa6/clauses;x=1/@:!$&'()*+,=~";
        assertThat(UriReferences.ofPath(path, 2048)).isEqualTo(path);
    }

    @Test
    void shouldKeepTheClientsEscapes() {
        assertThat(UriReferences.ofPath("/v1/agreements/%00", 2048)).isEqualTo("/v1/agreements/%00");
        assertThat(UriReferences.ofPath("/v1/agreements/a%2Fb%e2%80%a6", 2048)).isEqualTo("/v1/agreements/a%2Fb%e2%80%a6");
    }

    @Test
    void shouldEncodeWhatAUriCannotHold() {
        assertThat(UriReferences.ofPath("/v1/agreements/\u0000", 2048)).isEqualTo("/v1/agreements/%00");
        assertThat(UriReferences.ofPath("/v1/a b\"<>\\^`{|}[]?#", 2048))
                .isEqualTo("/v1/a%20b%22%3C%3E%5C%5E%60%7B%7C%7D%5B%5D%3F%23");
        assertThat(UriReferences.ofPath("/v1/café/\uD83C\uDDFA\uD83C\uDDE6", 2048))
                .isEqualTo("/v1/caf%C3%A9/%F0%9F%87%BA%F0%9F%87%A6");
    }

    @Test
    void shouldEncodeAPercentSignThatStartsNoEscape() {
        assertThat(UriReferences.ofPath("/v1/agreements/%", 2048)).isEqualTo("/v1/agreements/%25");
        assertThat(UriReferences.ofPath("/v1/agreements/%G1", 2048)).isEqualTo("/v1/agreements/%25G1");
        assertThat(UriReferences.ofPath("/v1/agreements/%E0%A4%A", 2048)).isEqualTo("/v1/agreements/%E0%A4%25A");
    }

    @Test
    void shouldCutALongPathBeforeAnEscapeAndMarkTheCut() {
        for (int padding = 0; padding < 3; padding++) {
            String path = "/v1/" + "a".repeat(padding) + "\u0000".repeat(1000);
            String instance = UriReferences.ofPath(path, 100);
            assertThat(instance).hasSizeLessThanOrEqualTo(100).endsWith(UriReferences.ELLIPSIS).matches(UriReferencesTest::isAbsolutePath);
            assertThat(instance.substring(0, instance.length() - UriReferences.ELLIPSIS.length()))
                    .as("only whole escapes before the mark").matches("/v1/a*(%00)+");
        }
        assertThat(UriReferences.ofPath("/v1/" + "a".repeat(200), 100)).hasSize(100).matches(UriReferencesTest::isAbsolutePath);
    }

    @Test
    void shouldLeaveNoPathAsAnInvalidReference() {
        StringBuilder everyCharacter = new StringBuilder("/");
        for (char c = 0; c < 0x800; c++) {
            everyCharacter.append(c);
        }
        everyCharacter.append("\uD800").append("\uDFFF").append('%');
        assertThat(UriReferences.ofPath(everyCharacter.toString(), 100_000)).matches(UriReferencesTest::isAbsolutePath);
    }

    private static boolean isAbsolutePath(String reference) {
        return PATH_CHARACTERS.matcher(reference).matches() && !STRAY_PERCENT.matcher(reference).find();
    }
}
