package dev.accords.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code Idempotency-Key} for POST (API-CONVENTIONS §8), kept in PostgreSQL so it holds across
 * restarts and instances.
 *
 * <p>A key is first claimed in its own short transaction: a concurrent request with the same key
 * waits on the primary key and then sees the claim (409 while it runs). The action and the stored
 * response then commit together, so a created resource always has its replayable response. When
 * the action fails, the claim is released and the client may retry with the same key.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim this old belongs to a request that died with its instance; it may be taken over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    public Response execute(String operation, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = hash(request);
        Response replay = QuarkusTransaction.requiringNew().call(() -> claim(operation, key, hash));
        if (replay != null) {
            return replay;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Response response = action.get();
                complete(operation, key, response);
                return response;
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> release(operation, key));
            throw e;
        }
    }

    /** Returns null when the key is now ours, or the response to give instead. */
    private Response claim(String operation, String key, String hash) {
        Instant now = Instant.now();
        // Keys live 24 hours. Each claim sweeps a bounded batch of expired ones (the index on
        // created_at makes this cheap), so the table stays small without a scheduler.
        em.createNativeQuery("""
                        delete from idempotency_keys where ctid in (
                          select ctid from idempotency_keys where created_at < ?1 limit 100)""")
                .setParameter(1, now.minus(RETENTION)).executeUpdate();
        int inserted = em.createNativeQuery("""
                        insert into idempotency_keys (operation, idempotency_key, request_hash, state, created_at)
                        values (?1, ?2, ?3, 'IN_PROGRESS', ?4) on conflict do nothing""")
                .setParameter(1, operation).setParameter(2, key).setParameter(3, hash).setParameter(4, now)
                .executeUpdate();
        if (inserted == 1) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, state, response_status, response_body, location, etag, created_at
                        from idempotency_keys where operation = ?1 and idempotency_key = ?2 for update""")
                .setParameter(1, operation).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return claim(operation, key, hash);
        }
        Object[] row = rows.get(0);
        Instant createdAt = (Instant) row[6];
        boolean expired = createdAt.isBefore(now.minus(RETENTION));
        boolean abandoned = "IN_PROGRESS".equals(row[1]) && createdAt.isBefore(now.minus(ABANDONED_AFTER));
        if (expired || abandoned) {
            em.createNativeQuery("""
                            update idempotency_keys set request_hash = ?3, state = 'IN_PROGRESS', response_status = null,
                              response_body = null, location = null, etag = null, created_at = ?4
                            where operation = ?1 and idempotency_key = ?2""")
                    .setParameter(1, operation).setParameter(2, key).setParameter(3, hash).setParameter(4, now)
                    .executeUpdate();
            return null;
        }
        if (!hash.equals(row[0])) {
            throw new ApiException(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request body; use a new key for a new request");
        }
        if ("IN_PROGRESS".equals(row[1])) {
            throw new ApiException(ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[2]).intValue())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(row[3])
                .header("Idempotent-Replayed", "true");
        if (row[4] != null) {
            replay.header(HttpHeaders.LOCATION, row[4]);
        }
        if (row[5] != null) {
            replay.tag(EntityTag.valueOf((String) row[5]));
        }
        return replay.build();
    }

    private void complete(String operation, String key, Response response) {
        String body;
        try {
            body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
        EntityTag etag = response.getEntityTag();
        em.createNativeQuery("""
                        update idempotency_keys set state = 'COMPLETED', response_status = ?3, response_body = ?4,
                          location = ?5, etag = ?6 where operation = ?1 and idempotency_key = ?2""")
                .setParameter(1, operation).setParameter(2, key)
                .setParameter(3, response.getStatus()).setParameter(4, body)
                .setParameter(5, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(6, etag == null ? null : etag.toString())
                .executeUpdate();
    }

    private void release(String operation, String key) {
        em.createNativeQuery("delete from idempotency_keys where operation = ?1 and idempotency_key = ?2 and state = 'IN_PROGRESS'")
                .setParameter(1, operation).setParameter(2, key).executeUpdate();
    }

    private String hash(Object request) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request not hashable", e);
        }
    }

}
