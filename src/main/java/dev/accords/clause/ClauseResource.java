package dev.accords.clause;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.accords.agreement.Tags;
import dev.accords.problem.ApiException;
import dev.accords.http.ETags;
import dev.accords.http.Idempotency;
import dev.accords.http.MergePatch;
import dev.accords.paging.PageCursor;
import dev.accords.http.RequestParams;
import dev.accords.security.Roles;

@Path("/v1/agreements/{agreementId}/clauses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NEGOTIATOR, Roles.ADMIN})
public class ClauseResource {

    @Inject
    ClauseService service;
    @Inject
    PositionService positions;
    @Inject
    RevisionService revisions;
    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public ClausePage listClauses(@PathParam("agreementId") String agreementId, @Context UriInfo uri,
                                  @QueryParam("status") String status,
                                  @QueryParam("topic") String topic,
                                  @QueryParam("priority") String priority,
                                  @QueryParam("open") String open,
                                  @QueryParam("limit") String limit,
                                  @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "status", "topic", "priority", "open", "limit", "cursor");
        return service.list(new ClauseQuery(
                RequestParams.uuid("agreementId", agreementId),
                RequestParams.enumValue("status", status, ClauseStatus.class),
                RequestParams.text("topic", RequestParams.pattern("topic", topic, Tags.PATTERN, "lowercase kebab-case"), 40),
                RequestParams.enumValue("priority", priority, ClausePriority.class),
                bool("open", open),
                RequestParams.limit(limit),
                PageCursor.decode(cursor, ClauseService.ORDERING)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createClause(@PathParam("agreementId") String agreementId,
                                 @NotNull @Valid ClauseCreate body,
                                 @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Context UriInfo uri) {
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        return idempotency.execute("POST /v1/agreements/" + agreement + "/clauses", idempotencyKey, body, () -> {
            ClauseView created = service.create(agreement, body);
            URI location = uri.getBaseUriBuilder().path("v1/agreements/{a}/clauses/{c}").build(agreement, created.id());
            return Response.created(location).tag(ETags.of(created.version())).entity(created).build();
        });
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    @Path("/{clauseId}")
    public Response getClause(@PathParam("agreementId") String agreementId, @PathParam("clauseId") String clauseId,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ClauseView clause = service.get(RequestParams.uuid("agreementId", agreementId), RequestParams.uuid("clauseId", clauseId));
        if (ETags.noneMatchHits(ifNoneMatch, clause.version())) {
            return Response.notModified(ETags.of(clause.version())).build();
        }
        return Response.ok(clause).tag(ETags.of(clause.version())).build();
    }

    @PATCH
    @Path("/{clauseId}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response updateClause(@PathParam("agreementId") String agreementId, @PathParam("clauseId") String clauseId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull @Valid ClausePatch body) {
        ClauseView updated = service.update(RequestParams.uuid("agreementId", agreementId),
                RequestParams.uuid("clauseId", clauseId), ifMatch, body);
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{clauseId}")
    public Response deleteClause(@PathParam("agreementId") String agreementId, @PathParam("clauseId") String clauseId,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(RequestParams.uuid("agreementId", agreementId), RequestParams.uuid("clauseId", clauseId), ifMatch);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    @Path("/{clauseId}/revisions")
    public RevisionPage listClauseRevisions(@PathParam("agreementId") String agreementId,
                                            @PathParam("clauseId") String clauseId, @Context UriInfo uri,
                                            @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "limit", "cursor");
        return revisions.list(RequestParams.uuid("agreementId", agreementId), RequestParams.uuid("clauseId", clauseId),
                PageCursor.decode(cursor, RevisionService.ORDERING), RequestParams.limit(limit));
    }

    /** A {@code partyCode} that is not even a party code names no party: PositionService answers 404 for both. */
    @PUT
    @Path("/{clauseId}/positions/{partyCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putClausePosition(@PathParam("agreementId") String agreementId,
                                      @PathParam("clauseId") String clauseId,
                                      @PathParam("partyCode") String partyCode,
                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull @Valid PositionUpdate body) {
        ClauseView clause = positions.put(RequestParams.uuid("agreementId", agreementId),
                RequestParams.uuid("clauseId", clauseId), partyCode, ifMatch, body);
        return Response.ok(clause).tag(ETags.of(clause.version())).build();
    }

    private static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw ApiException.invalid(name, "must be true or false");
    }
}
