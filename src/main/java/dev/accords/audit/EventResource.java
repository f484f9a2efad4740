package dev.accords.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import dev.accords.paging.PageCursor;
import dev.accords.http.RequestParams;
import dev.accords.security.Roles;

/** The audit trail of one agreement. */
@Path("/v1/agreements/{agreementId}/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventService events;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public EventPage listAgreementEvents(@PathParam("agreementId") String agreementId, @Context UriInfo uri,
                                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "limit", "cursor");
        return events.list(RequestParams.uuid("agreementId", agreementId), PageCursor.decode(cursor, EventService.ORDERING),
                RequestParams.limit(limit));
    }
}
