package dev.accords.webhook;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import dev.accords.database.ReadOnlyTransaction;
import dev.accords.feed.ChangeFeedService;
import dev.accords.feed.FeedEvent;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/** Owns the transactions of the delivery log: listing and reading deliveries, a ping, a redelivery. */
@ApplicationScoped
public class WebhookDeliveryService {

    @Inject
    WebhookEndpointRepository endpoints;
    @Inject
    WebhookDeliveryStore store;
    @Inject
    ChangeFeedService feed;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    TransactionSynchronizationRegistry transaction;

    @Transactional
    @ReadOnlyTransaction
    public WebhookDeliveryPage list(UUID endpointId, WebhookDeliveryStatus status, int limit, PageCursor after) {
        endpoints.require(endpointId);
        Slice<WebhookDeliveryStore.Row> page = Slice.of(store.page(endpointId, status, limit, after), limit,
                last -> PageCursor.after(WebhookDeliveryStore.ORDERING, last.createdAt(), last.id()));
        return new WebhookDeliveryPage(views(page.items()), page.nextCursor());
    }

    @Transactional
    @ReadOnlyTransaction
    public WebhookDeliveryView get(UUID endpointId, UUID deliveryId) {
        endpoints.require(endpointId);
        return views(List.of(store.find(endpointId, deliveryId).orElseThrow(() -> notFound(deliveryId)))).get(0);
    }

    /** Sends a finished delivery again, with the same webhook-id; a pending one is already on its way. */
    @Transactional
    public WebhookDeliveryView redeliver(UUID endpointId, UUID deliveryId) {
        requireEnabled(endpointId);
        WebhookDeliveryStore.Row delivery = store.findForUpdate(endpointId, deliveryId).orElseThrow(() -> notFound(deliveryId));
        if (delivery.status() == WebhookDeliveryStatus.PENDING) {
            throw new ApiException(ProblemCode.WEBHOOK_DELIVERY_PENDING, "delivery " + deliveryId
                    + " is still pending: its next attempt is due at " + delivery.nextAttemptAt());
        }
        WebhookDeliveryView scheduled = views(List.of(store.reschedule(deliveryId))).get(0);
        wakeDispatcherAfterCommit();
        return scheduled;
    }

    /** A ping to the endpoint, sent at once: it tells whether the receiver is reachable and checks signatures. */
    @Transactional
    public WebhookDeliveryView ping(UUID endpointId) {
        requireEnabled(endpointId);
        WebhookDeliveryView ping = views(List.of(store.insertPing(endpointId))).get(0);
        wakeDispatcherAfterCommit();
        return ping;
    }

    /** No NOTIFY tells the dispatcher of a ping or a redelivery (they write no event): this instance's is told. */
    private void wakeDispatcherAfterCommit() {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
    }

    private void requireEnabled(UUID endpointId) {
        WebhookEndpoint endpoint = endpoints.requireForUpdate(endpointId);
        if (!endpoint.enabled) {
            throw new ApiException(ProblemCode.WEBHOOK_ENDPOINT_DISABLED, "webhook endpoint " + endpointId
                    + " is disabled" + (endpoint.disabledReason == null ? "" : " (" + endpoint.disabledReason + ")")
                    + ": enable it first with PATCH {\"enabled\": true}");
        }
    }

    /** The deliveries with their payloads and attempts: two statements more, whatever their number. */
    private List<WebhookDeliveryView> views(List<WebhookDeliveryStore.Row> rows) {
        Map<UUID, List<WebhookAttemptView>> attempts = store.attempts(rows.stream().map(WebhookDeliveryStore.Row::id).toList());
        Map<Long, FeedEvent> events = feed.byIds(rows.stream().map(WebhookDeliveryStore.Row::eventId)
                .filter(Objects::nonNull).distinct().toList());
        return rows.stream().map(row -> new WebhookDeliveryView(row.id(), row.endpointId(),
                WebhookEventType.ofWire(row.type()), row.eventId(), row.agreementId(), row.status(), row.attemptCount(),
                row.nextAttemptAt(), row.createdAt(), row.completedAt(), payload(row, events),
                attempts.getOrDefault(row.id(), List.of()))).toList();
    }

    static WebhookPayload payload(WebhookDeliveryStore.Row row, Map<Long, FeedEvent> events) {
        if (row.eventId() == null) {
            return WebhookPayload.ping(row.endpointId(), row.createdAt());
        }
        FeedEvent event = events.get(row.eventId());
        return new WebhookPayload(WebhookEventType.ofWire(row.type()), event.occurredAt(), event);
    }

    static ApiException notFound(UUID deliveryId) {
        return new ApiException(ProblemCode.WEBHOOK_DELIVERY_NOT_FOUND, "no webhook delivery with id " + deliveryId
                + " for this endpoint");
    }
}
