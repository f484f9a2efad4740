package dev.accords.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import dev.accords.agreement.Party;
import dev.accords.agreement.Tags;
import dev.accords.clause.ClausePriority;
import dev.accords.clause.ClauseStatus;
import dev.accords.problem.ApiException;
import dev.accords.paging.PageCursor;
import dev.accords.http.RequestParams;
import dev.accords.provenance.Confidence;
import dev.accords.security.Roles;

/** Open clauses across every agreement still in play. */
@Path("/v1/open-clauses")
@Produces(MediaType.APPLICATION_JSON)
public class OpenClausesResource {

    @Inject
    OpenClauseReportService reports;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public GlobalOpenClausePage listOpenClauses(@Context UriInfo uri,
                                                @QueryParam("party") String party,
                                                @QueryParam("topic") String topic,
                                                @QueryParam("priority") String priority,
                                                @QueryParam("status") String status,
                                                @QueryParam("minDaysOpen") String minDaysOpen,
                                                @QueryParam("confidence") String confidence,
                                                @QueryParam("limit") String limit,
                                                @QueryParam("cursor") String cursor) {
        RequestParams.allowOnly(uri, "party", "topic", "priority", "status", "minDaysOpen", "confidence", "limit", "cursor");
        ClauseStatus clauseStatus = RequestParams.enumValue("status", status, ClauseStatus.class);
        if (clauseStatus != null && !clauseStatus.isOpen()) {
            throw ApiException.invalid("status", "must be an open status: PROPOSED, UNDER_NEGOTIATION or DEFERRED");
        }
        Integer days = RequestParams.nonNegativeInt("minDaysOpen", minDaysOpen);
        if (days != null && days > 36500) {
            throw ApiException.invalid("minDaysOpen", "must be at most 36500");
        }
        return reports.across(new GlobalOpenClauseQuery(
                RequestParams.pattern("party", party, Party.CODE_PATTERN, "a party code: 2 to 10 characters of A-Z, 0-9 and -"),
                RequestParams.text("topic", RequestParams.pattern("topic", topic, Tags.PATTERN, "lowercase kebab-case"), 40),
                RequestParams.enumValue("priority", priority, ClausePriority.class),
                clauseStatus,
                days,
                RequestParams.enumValue("confidence", confidence, Confidence.class),
                RequestParams.limit(limit),
                PageCursor.decode(cursor, OpenClauseReportService.ORDERING)));
    }
}
