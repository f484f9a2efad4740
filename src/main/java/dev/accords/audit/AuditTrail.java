package dev.accords.audit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.accords.paging.Timestamps;
import dev.accords.provenance.Provenance;
import dev.accords.provenance.Source;
import dev.accords.provenance.SourceJson;
import dev.accords.security.CurrentActor;

/**
 * Appends events to an agreement's audit trail. It joins the caller's transaction (MANDATORY), so
 * a change and its event commit or roll back together: no change exists without its event.
 */
@ApplicationScoped
public class AuditTrail {

    /** Bookkeeping that changes with every write; the event says what the client changed. */
    private static final Set<String> IGNORED = Set.of("id", "version", "createdAt", "updatedAt", "agreementId");

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    CurrentActor actor;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID agreementId, EventKind kind, EventTarget target, UUID targetId, Map<String, ?> changes) {
        record(agreementId, kind, target, targetId, changes, null);
    }

    /** Records an event with a part only one party's members may read ({@code privatePart} may be null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID agreementId, EventKind kind, EventTarget target, UUID targetId, Map<String, ?> changes,
                       PrivateChanges privatePart) {
        // Every event of a write carries the source the write cites (Provenance), if any.
        Source source = Provenance.ofCurrentRequest();
        try {
            em.createNativeQuery("""
                            insert into agreement_events (agreement_id, occurred_at, actor, kind, target_type, target_id, changes,
                                                          private_party, private_changes, source)
                            values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, cast(?9 as jsonb), cast(?10 as jsonb))""")
                    .setParameter(1, agreementId).setParameter(2, Timestamps.now()).setParameter(3, actor.subject())
                    .setParameter(4, kind.name()).setParameter(5, target.name()).setParameter(6, targetId)
                    .setParameter(7, mapper.writeValueAsString(changes))
                    .setParameter(8, privatePart == null ? null : privatePart.partyCode())
                    .setParameter(9, privatePart == null ? null : mapper.writeValueAsString(privatePart.changes()))
                    .setParameter(10, SourceJson.write(source))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }

    /** Records the fields that differ between two API views of a resource, with their new values. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordChange(UUID agreementId, EventKind kind, EventTarget target, UUID targetId,
                                Object before, Object after) {
        Map<String, Object> changes = diff(before, after);
        if (changes.isEmpty()) {
            return false;
        }
        record(agreementId, kind, target, targetId, changes);
        return true;
    }

    /** The fields of a newly created resource, for its creation event. */
    public Map<String, Object> fields(Object view) {
        return diff(null, view);
    }

    private Map<String, Object> diff(Object before, Object after) {
        JsonNode old = before == null ? mapper.createObjectNode() : mapper.valueToTree(before);
        ObjectNode now = mapper.valueToTree(after);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = now.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!IGNORED.contains(field.getKey()) && !field.getValue().equals(old.get(field.getKey()))
                    && !(before == null && field.getValue().isNull())) {
                changes.put(field.getKey(), field.getValue());
            }
        }
        return changes;
    }
}
