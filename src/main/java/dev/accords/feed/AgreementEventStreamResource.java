package dev.accords.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * One agreement's events as Server-Sent Events. A root resource of its own: JAX-RS picks the root
 * class first, by the longest literal path, so as a sub-path of another class it would lose to the
 * agreement's {@code /events} list.
 */
@Path("/v1/agreements/{agreementId}/events/stream")
public class AgreementEventStreamResource {

    @Inject
    EventStreams streams;
    @Inject
    ChangeFeedService feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public void streamAgreementEvents(@Context SseEventSink sink, @Context Sse sse, @Context UriInfo uri,
                                      @PathParam("agreementId") String agreementId,
                                      @HeaderParam(StreamParams.LAST_EVENT_ID) String lastEventId,
                                      @QueryParam("kind") String kind) {
        RequestParams.allowOnly(uri, "kind");
        FeedQuery query = new FeedQuery(StreamParams.resumeAfter(lastEventId),
                RequestParams.uuid("agreementId", agreementId), StreamParams.kind(kind), EventStreams.BATCH);
        feed.requireAgreement(query.agreementId());
        streams.open(sink, sse, query);
    }
}
