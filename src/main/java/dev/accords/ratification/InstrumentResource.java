package dev.accords.ratification;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.accords.http.ETags;
import dev.accords.http.Idempotency;
import dev.accords.http.RequestParams;
import dev.accords.paging.PageCursor;
import dev.accords.security.Roles;

/** An agreement's ratification instruments: records, so no PATCH and no DELETE. */
@Path("/v1/agreements/{agreementId}/instruments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NEGOTIATOR, Roles.ADMIN})
public class InstrumentResource {

    @Inject
    InstrumentService service;
    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public InstrumentPage listInstruments(@Context UriInfo uri,
                                          @PathParam("agreementId") String agreementId,
                                          @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "limit", "cursor");
        return service.list(RequestParams.uuid("agreementId", agreementId), RequestParams.limit(limit),
                PageCursor.decode(cursor, InstrumentRepository.ORDERING));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createInstrument(@PathParam("agreementId") String agreementId,
                                     @NotNull @Valid InstrumentCreate body,
                                     @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                     @Context UriInfo uri) {
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        return idempotency.execute("POST /v1/agreements/" + agreement + "/instruments", idempotencyKey, body, () -> {
            InstrumentView created = service.create(agreement, body);
            URI location = uri.getBaseUriBuilder().path("v1/agreements/{agreementId}/instruments/{id}")
                    .build(agreement, created.id());
            return Response.created(location).tag(ETags.of(created.version())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    @Path("/{instrumentId}")
    public Response getInstrument(@PathParam("agreementId") String agreementId,
                                  @PathParam("instrumentId") String instrumentId,
                                  @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        InstrumentView instrument = service.get(RequestParams.uuid("agreementId", agreementId),
                RequestParams.uuid("instrumentId", instrumentId));
        if (ETags.noneMatchHits(ifNoneMatch, instrument.version())) {
            return Response.notModified(ETags.of(instrument.version())).build();
        }
        return Response.ok(instrument).tag(ETags.of(instrument.version())).build();
    }
}
