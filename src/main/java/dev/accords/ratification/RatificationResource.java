package dev.accords.ratification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import dev.accords.http.RequestParams;
import dev.accords.security.Roles;

/** Who has ratified an agreement and who is still pending: a report, so no ETag. */
@Path("/v1/agreements/{agreementId}/ratification")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
public class RatificationResource {

    @Inject
    RatificationService service;

    @GET
    public RatificationView getRatification(@Context UriInfo uri, @PathParam("agreementId") String agreementId) {
        RequestParams.allowOnly(uri);
        return service.table(RequestParams.uuid("agreementId", agreementId));
    }
}
