package dev.accords.http;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import jakarta.persistence.Tuple;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accords.database.StaleConnectionRetry;

/**
 * {@code Idempotency-Key} for POST (docs/API-CONVENTIONS.md §11), kept in PostgreSQL so it holds across
 * restarts and instances.
 *
 * <p>The key, the action and the stored response share one transaction. The key is held by a
 * transaction-scoped advisory lock: a concurrent request with the same key, on any instance, fails
 * to take it and answers 409 at once. When the action fails, or the database goes away, or the
 * instance dies, the transaction rolls back and PostgreSQL releases the lock with it, so the client
 * may retry with the same key immediately: no claim can outlive its request. (An earlier design
 * claimed the key in a transaction of its own and released it after a failure; when the release
 * itself failed, because the database had just gone away, the key answered 409 "still being
 * processed" for two minutes after the database came back.)
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    /**
     * Only rows written by an instance of the earlier design are ever IN_PROGRESS: one this old
     * belongs to a request that died with its instance, and is taken over.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    StaleConnectionRetry retry;

    public Response execute(String operation, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String hash = hash(request);
        // Begun here, not by @Transactional, so the stale-connection retry is applied by hand.
        return retry.get(() -> QuarkusTransaction.requiringNew().call(() -> {
            Response replay = claim(operation, key, hash);
            if (replay != null) {
                return replay;
            }
            Response response = action.get();
            complete(operation, key, hash, response);
            return response;
        }));
    }

    /** Returns null when the key is now ours for this transaction, or the response to give instead. */
    private Response claim(String operation, String key, String hash) {
        Instant now = Instant.now();
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockId(operation, key)).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            throw inUse();
        }
        // Keys live 24 hours. Each claim sweeps a bounded batch of expired ones (the index on
        // created_at makes this cheap), so the table stays small without a scheduler.
        em.createNativeQuery("""
                        delete from idempotency_keys where ctid in (
                          select ctid from idempotency_keys where created_at < ?1 limit 100)""")
                .setParameter(1, now.minus(RETENTION)).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select request_hash, state, response_status, response_body, location, etag, created_at
                        from idempotency_keys where operation = ?1 and idempotency_key = ?2""", Tuple.class)
                .setParameter(1, operation).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Tuple row = rows.get(0);
        Instant createdAt = row.get("created_at", Instant.class);
        boolean inProgress = "IN_PROGRESS".equals(row.get("state", String.class));
        boolean expired = createdAt.isBefore(now.minus(RETENTION));
        boolean abandoned = inProgress && createdAt.isBefore(now.minus(ABANDONED_AFTER));
        if (expired || abandoned) {
            return null;
        }
        if (!hash.equals(row.get("request_hash", String.class))) {
            throw new ApiException(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request body; use a new key for a new request");
        }
        if (inProgress) {
            throw inUse();
        }
        Response.ResponseBuilder replay = Response.status(row.get("response_status", Number.class).intValue())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(row.get("response_body", String.class))
                .header("Idempotent-Replayed", "true");
        String location = row.get("location", String.class);
        if (location != null) {
            replay.header(HttpHeaders.LOCATION, location);
        }
        String etag = row.get("etag", String.class);
        if (etag != null) {
            replay.tag(EntityTag.valueOf(etag));
        }
        return replay.build();
    }

    private static ApiException inUse() {
        return new ApiException(ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                "a request with this Idempotency-Key is still being processed; retry shortly");
    }

    /** The advisory lock that stands for one key of one operation: 64 bits of its SHA-256. */
    private static long lockId(String operation, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((operation + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void complete(String operation, String key, String hash, Response response) {
        String body;
        try {
            body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
        EntityTag etag = response.getEntityTag();
        // Replaces an expired or abandoned row for this key, if the claim found one.
        em.createNativeQuery("""
                        insert into idempotency_keys (operation, idempotency_key, request_hash, state, response_status,
                          response_body, location, etag, created_at)
                        values (?1, ?2, ?3, 'COMPLETED', ?4, ?5, ?6, ?7, ?8)
                        on conflict (operation, idempotency_key) do update set request_hash = excluded.request_hash,
                          state = 'COMPLETED', response_status = excluded.response_status,
                          response_body = excluded.response_body, location = excluded.location, etag = excluded.etag,
                          created_at = excluded.created_at""")
                .setParameter(1, operation).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, response.getStatus()).setParameter(5, body)
                .setParameter(6, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(7, etag == null ? null : etag.toString())
                .setParameter(8, Instant.now())
                .executeUpdate();
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
