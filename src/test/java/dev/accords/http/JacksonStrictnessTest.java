package dev.accords.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Every scalar type a request body can hold takes its own JSON type only: an array or an object in its
 * place is refused, naming the field, however Jackson would otherwise read it.
 */
class JacksonStrictnessTest {

    enum Stance { ACCEPTS, REJECTS }

    /** One field of each scalar type, and Optional ones as merge patches hold them. */
    record Scalars(String text, Stance stance, Integer number, int primitive, long big, BigDecimal decimal,
                   Boolean flag, boolean primitiveFlag, UUID id, LocalDate date, Instant instant,
                   OffsetDateTime offsetDateTime, LocalDateTime localDateTime, Optional<LocalDate> optionalDate,
                   Optional<String> optionalText, Optional<Integer> optionalNumber, Optional<Stance> optionalStance) {
    }

    /** A valid value of each field, as JSON. */
    private static final Map<String, String> VALID = Map.ofEntries(
            Map.entry("text", "\"Minerals\""), Map.entry("stance", "\"ACCEPTS\""), Map.entry("number", "2"),
            Map.entry("primitive", "2"), Map.entry("big", "2"), Map.entry("decimal", "2.5"), Map.entry("flag", "true"),
            Map.entry("primitiveFlag", "true"), Map.entry("id", "\"3fa85f64-5717-4562-b3fc-2c963f66afa6\""),
            Map.entry("date", "\"2025-02-28\""), Map.entry("instant", "\"2025-02-28T15:00:00Z\""),
            Map.entry("offsetDateTime", "\"2025-02-28T15:00:00+02:00\""), Map.entry("localDateTime", "\"2025-02-28T15:00:00\""),
            Map.entry("optionalDate", "\"2025-02-28\""), Map.entry("optionalText", "\"Minerals\""),
            Map.entry("optionalNumber", "2"), Map.entry("optionalStance", "\"ACCEPTS\""));

    private final ObjectMapper mapper = strictMapper();

    @Test
    void shouldReadEveryFieldFromItsOwnJsonType() throws Exception {
        Scalars scalars = mapper.readValue(body(Map.of()), Scalars.class);
        assertThat(scalars.date()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(scalars.optionalDate()).contains(LocalDate.of(2025, 2, 28));
        assertThat(scalars.stance()).isEqualTo(Stance.ACCEPTS);
        assertThat(scalars.id()).isEqualTo(UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
    }

    /** Before: a date took [2025,2,28], and [] became no date at all (Optional.empty() in a patch: removed). */
    @ParameterizedTest
    @ValueSource(strings = {"[]", "[2025,2,28]", "[2025,2,28,15,0]", "[\"2025-02-28\"]", "[2]", "[true]", "[\"ACCEPTS\"]",
            "[null]", "[[]]", "{}", "{\"value\":\"2025-02-28\"}", "{\"year\":2025,\"month\":2,\"day\":28}"})
    void shouldRefuseAnArrayOrAnObjectForEveryScalarField(String notAScalar) {
        for (String field : VALID.keySet()) {
            String json = body(Map.of(field, notAScalar));
            assertThatThrownBy(() -> mapper.readValue(json, Scalars.class), "%s: %s", field, notAScalar)
                    .isInstanceOf(MismatchedInputException.class)
                    .satisfies(failure -> assertThat(((MismatchedInputException) failure).getPath())
                            .as("the path of %s", json).extracting(reference -> reference.getFieldName())
                            .containsExactly(field));
        }
    }

    @Test
    void shouldStillTakeNullForAnOptionalField() throws Exception {
        Scalars scalars = mapper.readValue(body(Map.of("optionalDate", "null")), Scalars.class);
        assertThat(scalars.optionalDate()).isEmpty();
    }

    /** A body with every field valid, but for the ones given. */
    private static String body(Map<String, String> overrides) {
        StringBuilder json = new StringBuilder("{");
        for (String field : List.copyOf(VALID.keySet())) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(field).append("\":").append(overrides.getOrDefault(field, VALID.get(field)));
        }
        return json.append('}').toString();
    }

    /** The mapper as Quarkus builds it (Java time and Optional support), with Accords' customizer. */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());
        new JacksonStrictness().customize(mapper);
        return mapper;
    }
}
