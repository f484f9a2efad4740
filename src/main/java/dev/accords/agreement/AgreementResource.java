package dev.accords.agreement;

import java.net.URI;

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

import dev.accords.http.ETags;
import dev.accords.http.Idempotency;
import dev.accords.http.MergePatch;
import dev.accords.paging.PageCursor;
import dev.accords.http.RequestParams;
import dev.accords.security.Roles;

@Path("/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NEGOTIATOR, Roles.ADMIN})
public class AgreementResource {

    @Inject
    AgreementService service;
    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public AgreementPage listAgreements(@Context UriInfo uri,
                                        @QueryParam("status") String status,
                                        @QueryParam("party") String party,
                                        @QueryParam("tag") String tag,
                                        @QueryParam("q") String q,
                                        @QueryParam("sort") String sort,
                                        @QueryParam("limit") String limit,
                                        @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "status", "party", "tag", "q", "sort", "limit", "cursor");
        AgreementSort order = AgreementSort.parse(sort);
        return service.list(new AgreementQuery(
                RequestParams.enumValue("status", status, AgreementStatus.class),
                RequestParams.pattern("party", party, Party.CODE_PATTERN, "a party code: 2 to 10 characters of A-Z, 0-9 and -"),
                RequestParams.text("tag", RequestParams.pattern("tag", tag, Tags.PATTERN, "lowercase kebab-case"), 40),
                RequestParams.text("q", q, 200),
                order,
                RequestParams.limit(limit),
                PageCursor.decode(cursor, order.token())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAgreement(@NotNull @Valid AgreementCreate body,
                                    @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                    @Context UriInfo uri) {
        return idempotency.execute("POST /v1/agreements", idempotencyKey, body, () -> {
            AgreementView created = service.create(body);
            URI location = uri.getBaseUriBuilder().path("v1/agreements/{id}").build(created.id());
            return Response.created(location).tag(ETags.of(created.version())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    @Path("/{agreementId}")
    public Response getAgreement(@PathParam("agreementId") String agreementId,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        AgreementView agreement = service.get(RequestParams.uuid("agreementId", agreementId));
        if (ETags.noneMatchHits(ifNoneMatch, agreement.version())) {
            return Response.notModified(ETags.of(agreement.version())).build();
        }
        return Response.ok(agreement).tag(ETags.of(agreement.version())).build();
    }

    @PATCH
    @Path("/{agreementId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response updateAgreement(@PathParam("agreementId") String agreementId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @NotNull @Valid AgreementPatch body) {
        AgreementView updated = service.update(RequestParams.uuid("agreementId", agreementId), ifMatch, body);
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{agreementId}")
    public Response deleteAgreement(@PathParam("agreementId") String agreementId,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(RequestParams.uuid("agreementId", agreementId), ifMatch);
        return Response.noContent().build();
    }
}
