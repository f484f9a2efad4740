package dev.accords.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

import dev.accords.paging.PageCursor;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** The keyset ordering of the endpoint list; a cursor of another list does not decode against it. */
    static final String ORDERING = "webhook-endpoints:createdAt";

    public WebhookEndpoint require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    public WebhookEndpoint requireForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
    }

    /** One page plus one row, so the caller knows whether another page follows. */
    public List<WebhookEndpoint> page(int limit, PageCursor after) {
        if (after == null) {
            return find("order by createdAt, id").page(0, limit + 1).list();
        }
        return find("(createdAt, id) > (:afterValue, :afterId) order by createdAt, id",
                Parameters.with("afterValue", after.instantValue()).and("afterId", after.id())).page(0, limit + 1).list();
    }

    static ApiException notFound(UUID id) {
        return new ApiException(ProblemCode.WEBHOOK_ENDPOINT_NOT_FOUND, "no webhook endpoint with id " + id);
    }
}
