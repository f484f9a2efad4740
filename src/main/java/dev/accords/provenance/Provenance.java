package dev.accords.provenance;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;

import dev.accords.paging.Timestamps;
import dev.accords.problem.ApiException;

/**
 * The source the current write cites. A service cites it once, at the start of the write; every
 * event the write records (AuditTrail) and every revision it makes (RevisionRecorder) then carry it,
 * without each call passing it along. Request-scoped: a write is one request. Work outside a request
 * (the dev-mode seed, the ratification sweep) cites explicitly or nothing.
 */
@RequestScoped
public class Provenance {

    private Source cited;

    /** Records the source of this write (null: none); refuses a source published in the future. */
    public Source cite(Source source) {
        if (source != null && source.publishedAt() != null && source.publishedAt().isAfter(Timestamps.now())) {
            throw ApiException.invalid("source.publishedAt", "must not be in the future");
        }
        this.cited = source;
        return source;
    }

    /** The source this write cites, or null. */
    public Source cited() {
        return cited;
    }

    /** What the current request's write cites; null outside a request (the seed, background work). */
    public static Source ofCurrentRequest() {
        return Arc.container().requestContext().isActive() ? Arc.container().instance(Provenance.class).get().cited() : null;
    }
}
