package dev.accords.redline;

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

/** A clause's redline proposals: submit, list, read, and the three decisions as action sub-resources. */
@Path("/v1/agreements/{agreementId}/clauses/{clauseId}/proposals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.NEGOTIATOR, Roles.ADMIN})
public class ProposalResource {

    @Inject
    ProposalService service;
    @Inject
    ProposalDecisions decisions;
    @Inject
    Idempotency idempotency;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public ProposalPage listClauseProposals(@PathParam("agreementId") String agreementId,
                                            @PathParam("clauseId") String clauseId, @Context UriInfo uri,
                                            @QueryParam("status") String status,
                                            @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "status", "limit", "cursor");
        return service.list(RequestParams.uuid("agreementId", agreementId), RequestParams.uuid("clauseId", clauseId),
                RequestParams.enumValue("status", status, ProposalStatus.class),
                PageCursor.decode(cursor, ProposalReads.ORDERING), RequestParams.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response proposeClauseText(@PathParam("agreementId") String agreementId,
                                      @PathParam("clauseId") String clauseId,
                                      @NotNull @Valid ProposalCreate body,
                                      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                      @Context UriInfo uri) {
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        UUID clause = RequestParams.uuid("clauseId", clauseId);
        return idempotency.execute("POST /v1/agreements/" + agreement + "/clauses/" + clause + "/proposals",
                idempotencyKey, body, () -> {
                    ProposalView created = service.submit(agreement, clause, body);
                    URI location = uri.getBaseUriBuilder().path("v1/agreements/{a}/clauses/{c}/proposals/{p}")
                            .build(agreement, clause, created.id());
                    return Response.created(location).tag(ETags.of(created.version())).entity(created).build();
                });
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    @Path("/{proposalId}")
    public Response getClauseProposal(@PathParam("agreementId") String agreementId,
                                      @PathParam("clauseId") String clauseId,
                                      @PathParam("proposalId") String proposalId,
                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ProposalView proposal = service.get(RequestParams.uuid("agreementId", agreementId),
                RequestParams.uuid("clauseId", clauseId), RequestParams.uuid("proposalId", proposalId));
        if (ETags.noneMatchHits(ifNoneMatch, proposal.version())) {
            return Response.notModified(ETags.of(proposal.version())).build();
        }
        return Response.ok(proposal).tag(ETags.of(proposal.version())).build();
    }

    /** Takes no body; {@code If-Match} is required and names the clause's ETag, not the proposal's. */
    @POST
    @Path("/{proposalId}/acceptance")
    public Response acceptClauseProposal(@PathParam("agreementId") String agreementId,
                                         @PathParam("clauseId") String clauseId,
                                         @PathParam("proposalId") String proposalId,
                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        UUID clause = RequestParams.uuid("clauseId", clauseId);
        UUID proposal = RequestParams.uuid("proposalId", proposalId);
        return idempotency.execute(action(agreement, clause, proposal, "acceptance"), idempotencyKey, null, () -> {
            ProposalView accepted = decisions.accept(agreement, clause, proposal, ifMatch);
            return Response.ok(accepted).tag(ETags.of(accepted.version())).build();
        });
    }

    /** The body is optional: a rejection needs nothing but, if the client wants, a reason. */
    @POST
    @Path("/{proposalId}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rejectClauseProposal(@PathParam("agreementId") String agreementId,
                                         @PathParam("clauseId") String clauseId,
                                         @PathParam("proposalId") String proposalId,
                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                         @Valid ProposalDecisionRequest body) {
        return close(agreementId, clauseId, proposalId, "rejection", idempotencyKey, body,
                (agreement, clause, proposal) -> decisions.reject(agreement, clause, proposal, ifMatch, body));
    }

    @POST
    @Path("/{proposalId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response withdrawClauseProposal(@PathParam("agreementId") String agreementId,
                                           @PathParam("clauseId") String clauseId,
                                           @PathParam("proposalId") String proposalId,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                           @Valid ProposalDecisionRequest body) {
        return close(agreementId, clauseId, proposalId, "withdrawal", idempotencyKey, body,
                (agreement, clause, proposal) -> decisions.withdraw(agreement, clause, proposal, ifMatch, body));
    }

    /** A decision that closes a proposal without touching the clause: rejection and withdrawal alike. */
    private interface Closing {
        ProposalView apply(UUID agreement, UUID clause, UUID proposal);
    }

    private Response close(String agreementId, String clauseId, String proposalId, String actionName,
                           String idempotencyKey, ProposalDecisionRequest body, Closing decision) {
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        UUID clause = RequestParams.uuid("clauseId", clauseId);
        UUID proposal = RequestParams.uuid("proposalId", proposalId);
        return idempotency.execute(action(agreement, clause, proposal, actionName), idempotencyKey, body, () -> {
            ProposalView closed = decision.apply(agreement, clause, proposal);
            return Response.ok(closed).tag(ETags.of(closed.version())).build();
        });
    }

    private static String action(UUID agreement, UUID clause, UUID proposal, String action) {
        return "POST /v1/agreements/" + agreement + "/clauses/" + clause + "/proposals/" + proposal + "/" + action;
    }
}
