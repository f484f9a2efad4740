package dev.accords.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import dev.accords.problem.ApiException;
import dev.accords.problem.FieldError;
import dev.accords.problem.ProblemCode;

/** Path and query parameters as the contract writes them, and a 400 naming the parameter otherwise. */
class RequestParamsTest {

    enum Stance { ACCEPTS, REJECTS }

    @Test
    void shouldReadAUuidWrittenInItsCanonicalForm() {
        assertThat(RequestParams.uuid("agreementId", "3fa85f64-5717-4562-b3fc-2c963f66afa6"))
                .isEqualTo(UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        assertThat(RequestParams.uuid("agreementId", "3FA85F64-5717-4562-B3FC-2C963F66AFA6"))
                .isEqualTo(UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
    }

    /** UUID.fromString alone takes some of these, as another id ("+fa85f64-..." is 0fa85f64-...). */
    @Test
    void shouldRefuseAnythingElseAsAUuid() {
        for (String id : new String[]{null, "", "not-a-uuid", "+fa85f64-5717-4562-b3fc-2c963f66afa6", "1-1-1-1-1",
                "3fa85f6457174562b3fc2c963f66afa6", "3fa85f64-5717-4562-b3fc-2c963f66afa", " 3fa85f64-5717-4562-b3fc-2c963f66afa6"}) {
            assertInvalid(() -> RequestParams.uuid("agreementId", id), "agreementId");
        }
    }

    @Test
    void shouldDefaultAndCapTheLimit() {
        assertThat(RequestParams.limit(null)).isEqualTo(RequestParams.DEFAULT_LIMIT);
        assertThat(RequestParams.limit("1")).isEqualTo(1);
        assertThat(RequestParams.limit("100")).isEqualTo(100);
        assertThat(RequestParams.limit("1000")).isEqualTo(RequestParams.MAX_LIMIT);
    }

    /** Integer.parseInt would take "+5" and other scripts' digits ("١٢" is 12). */
    @Test
    void shouldRefuseALimitThatIsNoPlainPositiveInteger() {
        for (String limit : new String[]{"0", "-5", "+5", " 5", "5.0", "twenty", "١٢", "99999999999", ""}) {
            assertInvalid(() -> RequestParams.limit(limit), "limit");
        }
    }

    @Test
    void shouldReadANonNegativeInteger() {
        assertThat(RequestParams.nonNegativeInt("version", null)).isNull();
        assertThat(RequestParams.nonNegativeInt("version", "0")).isZero();
        assertThat(RequestParams.nonNegativeInt("version", "42")).isEqualTo(42);
        for (String value : new String[]{"-1", "+1", "1e3", "x", "2147483648"}) {
            assertInvalid(() -> RequestParams.nonNegativeInt("version", value), "version");
        }
    }

    @Test
    void shouldReadAnEnumByItsExactNameAndListTheOthersOtherwise() {
        assertThat(RequestParams.enumValue("stance", null, Stance.class)).isNull();
        assertThat(RequestParams.enumValue("stance", "ACCEPTS", Stance.class)).isEqualTo(Stance.ACCEPTS);
        for (String value : new String[]{"accepts", " ACCEPTS", "OPEN", ""}) {
            assertInvalid(() -> RequestParams.enumValue("stance", value, Stance.class), "stance");
        }
        assertThatThrownBy(() -> RequestParams.enumValue("stance", "OPEN", Stance.class))
                .hasMessageContaining("ACCEPTS, REJECTS");
    }

    @Test
    void shouldHoldTextToItsPatternAndLength() {
        assertThat(RequestParams.pattern("party", "UA", "[A-Z]{2,10}", "a party code")).isEqualTo("UA");
        assertThat(RequestParams.pattern("party", null, "[A-Z]{2,10}", "a party code")).isNull();
        assertInvalid(() -> RequestParams.pattern("party", "ua", "[A-Z]{2,10}", "a party code"), "party");
        assertThat(RequestParams.text("q", "q".repeat(200), 200)).hasSize(200);
        assertThat(RequestParams.text("q", null, 200)).isNull();
        assertInvalid(() -> RequestParams.text("q", "", 200), "q");
        assertInvalid(() -> RequestParams.text("q", "q".repeat(201), 200), "q");
    }

    @Test
    void shouldAllowOnlyKnownQueryParametersWithAValue() {
        assertThatCode(() -> RequestParams.allowOnly(query("limit", "5", "cursor", "abc"), "limit", "cursor"))
                .doesNotThrowAnyException();
        assertInvalid(() -> RequestParams.allowOnly(query("limit", "5", "colour", "blue"), "limit", "cursor"), "colour");
        assertInvalid(() -> RequestParams.allowOnly(query("limit", ""), "limit", "cursor"), "limit");
        assertThatThrownBy(() -> RequestParams.allowOnly(query("Limit", "5"), "limit", "cursor"))
                .hasMessageContaining("allowed: limit, cursor");
    }

    /** A UriInfo that knows only its query parameters, given as name, value, name, value, ... */
    private static UriInfo query(String... namesAndValues) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getQueryParameters")) {
                        return parameters;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void assertInvalid(ThrowingCallable parsing, String parameter) {
        assertThatThrownBy(parsing).as(parameter).isInstanceOfSatisfying(ApiException.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
            assertThat(refusal.errors()).extracting(FieldError::field).containsExactly(parameter);
        });
    }
}
