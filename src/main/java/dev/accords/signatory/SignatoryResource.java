package dev.accords.signatory;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

import io.quarkus.security.Authenticated;

import dev.accords.http.ETags;
import dev.accords.http.Idempotency;
import dev.accords.http.MergePatch;
import dev.accords.paging.PageCursor;
import dev.accords.http.RequestParams;
import dev.accords.security.Roles;

@Path("/v1/agreements/{agreementId}/signatories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NEGOTIATOR, Roles.ADMIN})
public class SignatoryResource {

    @Inject
    SignatoryService service;
    @Inject
    SigningService signing;
    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public SignatoryPage listSignatories(@Context UriInfo uri,
                                         @PathParam("agreementId") String agreementId,
                                         @QueryParam("limit") String limit,
                                         @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "limit", "cursor");
        return service.list(RequestParams.uuid("agreementId", agreementId), RequestParams.limit(limit),
                PageCursor.decode(cursor, SignatoryRepository.ORDERING));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSignatory(@PathParam("agreementId") String agreementId,
                                    @NotNull @Valid SignatoryCreate body,
                                    @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                    @Context UriInfo uri) {
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        return idempotency.execute("POST /v1/agreements/" + agreement + "/signatories", idempotencyKey, body, () -> {
            SignatoryView created = service.create(agreement, body);
            URI location = uri.getBaseUriBuilder().path("v1/agreements/{agreementId}/signatories/{id}")
                    .build(agreement, created.id());
            return Response.created(location).tag(ETags.of(created.version())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    @Path("/{signatoryId}")
    public Response getSignatory(@PathParam("agreementId") String agreementId,
                                 @PathParam("signatoryId") String signatoryId,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        SignatoryView signatory = service.get(RequestParams.uuid("agreementId", agreementId),
                RequestParams.uuid("signatoryId", signatoryId));
        if (ETags.noneMatchHits(ifNoneMatch, signatory.version())) {
            return Response.notModified(ETags.of(signatory.version())).build();
        }
        return Response.ok(signatory).tag(ETags.of(signatory.version())).build();
    }

    @PATCH
    @Path("/{signatoryId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response updateSignatory(@PathParam("agreementId") String agreementId,
                                    @PathParam("signatoryId") String signatoryId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @NotNull @Valid SignatoryPatch body) {
        SignatoryView updated = service.update(RequestParams.uuid("agreementId", agreementId),
                RequestParams.uuid("signatoryId", signatoryId), ifMatch, body);
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{signatoryId}")
    public Response deleteSignatory(@PathParam("agreementId") String agreementId,
                                    @PathParam("signatoryId") String signatoryId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(RequestParams.uuid("agreementId", agreementId), RequestParams.uuid("signatoryId", signatoryId), ifMatch);
        return Response.noContent().build();
    }

    /** The body is optional: a signature needs nothing but, if the client wants, the place. */
    @POST
    @Path("/{signatoryId}/signature")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signSignatory(@PathParam("agreementId") String agreementId,
                                  @PathParam("signatoryId") String signatoryId,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  @Valid SignatureRequest body) {
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        UUID signatory = RequestParams.uuid("signatoryId", signatoryId);
        String operation = "POST /v1/agreements/" + agreement + "/signatories/" + signatory + "/signature";
        return idempotency.execute(operation, idempotencyKey, body, () -> {
            SignatoryView signed = signing.sign(agreement, signatory, ifMatch, body);
            return Response.ok(signed).tag(ETags.of(signed.version())).build();
        });
    }

    @POST
    @Path("/{signatoryId}/declination")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response declineSignatory(@PathParam("agreementId") String agreementId,
                                     @PathParam("signatoryId") String signatoryId,
                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                     @NotNull @Valid DeclinationRequest body) {
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        UUID signatory = RequestParams.uuid("signatoryId", signatoryId);
        String operation = "POST /v1/agreements/" + agreement + "/signatories/" + signatory + "/declination";
        return idempotency.execute(operation, idempotencyKey, body, () -> {
            SignatoryView declined = signing.decline(agreement, signatory, ifMatch, body);
            return Response.ok(declined).tag(ETags.of(declined.version())).build();
        });
    }
}
