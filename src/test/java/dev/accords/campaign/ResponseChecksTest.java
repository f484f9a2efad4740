package dev.accords.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The campaign's own check of a problem's {@code instance} (the response validator does not check
 * {@code format: uri-reference}): what must be encoded has to stay encoded.
 */
class ResponseChecksTest {

    @Test
    void shouldTakeAPathWhoseSpecialCharactersStayPercentEncoded() {
        for (String instance : List.of("/v1/agreements", "/v1/agreements/%00", "/v1/agreements/%20x%0A",
                "/v1/agreements/%E2%82", "/v1/agreements/%25G1", "/v1/agreements/3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "/v1/agreements/x;jsessionid=1", "/v1/open-clauses")) {
            assertThat(ResponseChecks.isUriReference(instance)).as(instance).isTrue();
        }
    }

    @Test
    void shouldRefuseRawControlCharactersSpacesNonAsciiAndBrokenEscapes() {
        for (String instance : List.of("/v1/agreements/\u0000", "/v1/agreements/a b", "/v1/agreements/\n",
                "/v1/agreements/é", "/v1/agreements/%G1", "/v1/agreements/%", "/v1/agreements/%E0%A4%A",
                "/v1/agreements/{x}", "/v1/agreements/a\"b", "/v1/agreements/\u007F")) {
            assertThat(ResponseChecks.isUriReference(instance)).as(BadRequest.cut(instance, 80)).isFalse();
        }
    }
}
