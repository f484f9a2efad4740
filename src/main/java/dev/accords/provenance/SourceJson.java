package dev.accords.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A {@link Source} as the jsonb columns hold it: the JSON the API shows (ISO-8601 dates). Every
 * writer (entities, the audit trail) and every reader (entities, the native reads of clauses, the
 * trail and the feed) goes through here, so all agree on one form.
 *
 * <p>The entities keep it as JSON text rather than as a mapped record: Hibernate would map a record
 * through Quarkus' REST ObjectMapper, which this service customizes (strict parsing), and Quarkus
 * refuses that for database columns. A mapper of its own keeps the stored form independent of the
 * REST layer's settings.
 */
public final class SourceJson {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private SourceJson() {
    }

    public static String write(Source source) {
        try {
            return source == null ? null : JSON.writeValueAsString(source);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source not serializable", e);
        }
    }

    public static Source read(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Source.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored source unreadable", e);
        }
    }
}
