package dev.accords.redline;

import java.util.UUID;
import java.util.regex.Pattern;

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

import dev.accords.http.RequestParams;
import dev.accords.problem.ApiException;
import dev.accords.security.Roles;

/** The word-level comparison of two texts of a clause, each a revision or a proposal. */
@Path("/v1/agreements/{agreementId}/clauses/{clauseId}/compare")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
public class ComparisonResource {

    /** A revision number as the contract writes it: a plain decimal integer from 1, no sign, no leading zero. */
    private static final Pattern REVISION = Pattern.compile("[1-9][0-9]{0,8}");

    @Inject
    ProposalService service;

    @GET
    public ClauseComparison compareClauseTexts(@PathParam("agreementId") String agreementId,
                                               @PathParam("clauseId") String clauseId, @Context UriInfo uri,
                                               @QueryParam("from") String from, @QueryParam("to") String to) {
        RequestParams.allowOnly(uri, "from", "to");
        UUID agreement = RequestParams.uuid("agreementId", agreementId);
        UUID clause = RequestParams.uuid("clauseId", clauseId);
        return service.compare(agreement, clause, side("from", from), side("to", to));
    }

    /** A revision number (a plain integer) or a proposal id (a UUID): the two forms cannot be confused. */
    private static ComparisonReads.Wanted side(String name, String value) {
        if (value == null) {
            throw ApiException.invalid(name, "is required: a revision number such as 3, or a proposal id");
        }
        if (REVISION.matcher(value).matches()) {
            return new ComparisonReads.Wanted(Integer.valueOf(value), null);
        }
        if (value.length() == 36 && value.contains("-")) {
            try {
                return new ComparisonReads.Wanted(null, RequestParams.uuid(name, value));
            } catch (ApiException notAUuid) {
                // answered below, with both forms named
            }
        }
        throw ApiException.invalid(name, "must be a revision number (1 or more, such as 3) or a proposal id (a UUID)");
    }
}
