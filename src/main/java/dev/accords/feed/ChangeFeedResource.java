package dev.accords.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import dev.accords.http.RequestParams;
import dev.accords.security.Roles;

/**
 * The change feed: every event of every agreement, in feed order, one keyset page at a time, or as
 * Server-Sent Events whose ids are feed cursors, so a client that reconnects with
 * {@code Last-Event-ID} gets exactly what it missed.
 */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    @Inject
    ChangeFeedService feed;
    @Inject
    EventStreams streams;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public ChangeFeedPage listEvents(@Context UriInfo uri, @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") String limit, @QueryParam("agreementId") String agreementId,
                                     @QueryParam("kind") String kind) {
        RequestParams.allowOnly(uri, "cursor", "limit", "agreementId", "kind");
        return feed.page(new FeedQuery(FeedCursor.decodeOrStart(cursor, "cursor"),
                agreementId == null ? null : RequestParams.uuid("agreementId", agreementId),
                StreamParams.kind(kind),
                RequestParams.limit(limit)));
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public void streamEvents(@Context SseEventSink sink, @Context Sse sse, @Context UriInfo uri,
                             @HeaderParam(StreamParams.LAST_EVENT_ID) String lastEventId,
                             @QueryParam("agreementId") String agreementId, @QueryParam("kind") String kind) {
        RequestParams.allowOnly(uri, "agreementId", "kind");
        streams.open(sink, sse, new FeedQuery(StreamParams.resumeAfter(lastEventId),
                agreementId == null ? null : RequestParams.uuid("agreementId", agreementId), StreamParams.kind(kind),
                EventStreams.BATCH));
    }
}
