package dev.accords.feed;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.agreement.AgreementRepository;
import dev.accords.database.StatelessReads;
import dev.accords.security.PartyScope;

/** Reads the change feed: one statement per page, so no transaction (see {@link StatelessReads}). */
@ApplicationScoped
public class ChangeFeedService {

    @Inject
    StatelessReads reads;
    @Inject
    ObjectMapper mapper;
    @Inject
    PartyScope partyScope;

    public ChangeFeedPage page(FeedQuery query) {
        List<FeedEvent> rows = events(query.withLimit(query.limit() + 1));
        boolean hasMore = rows.size() > query.limit();
        List<FeedEvent> items = (hasMore ? rows.subList(0, query.limit()) : rows).stream()
                .map(event -> event.readableBy(partyScope::mayReadNotesOf)).toList();
        String next = items.isEmpty() ? query.after().encode() : items.get(items.size() - 1).cursor();
        return new ChangeFeedPage(items, next, hasMore);
    }

    /**
     * Up to {@code query.limit()} events after the query's cursor, in feed order, each with its
     * private part still apart: the caller decides who reads it ({@link FeedEvent#readableBy}).
     */
    public List<FeedEvent> events(FeedQuery query) {
        return reads.read(session -> ChangeFeedReads.after(session, mapper, query));
    }

    /** The events with these ids, by id; one statement, none for no ids. */
    public java.util.Map<Long, FeedEvent> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, FeedEvent> events = new java.util.HashMap<>();
        reads.read(session -> ChangeFeedReads.byIds(session, mapper, ids)).forEach(event -> events.put(event.sequence(), event));
        return events;
    }

    /** 404 AGREEMENT_NOT_FOUND unless the agreement exists. One statement. */
    public void requireAgreement(UUID agreementId) {
        if (!reads.read(session -> ChangeFeedReads.agreementExists(session, agreementId))) {
            throw AgreementRepository.notFound(agreementId);
        }
    }

    /** The position after the newest event the feed shows now. */
    public FeedCursor head() {
        return reads.read(ChangeFeedReads::head);
    }
}
