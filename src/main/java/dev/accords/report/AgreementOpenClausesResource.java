package dev.accords.report;

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
import dev.accords.provenance.Confidence;
import dev.accords.security.Roles;

/** The open-clauses report of one agreement. */
@Path("/v1/agreements/{agreementId}/open-clauses")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementOpenClausesResource {

    @Inject
    OpenClauseReportService reports;

    @GET
    @RolesAllowed({Roles.READER, Roles.NEGOTIATOR, Roles.ADMIN})
    public AgreementOpenClausesReport getAgreementOpenClauses(@PathParam("agreementId") String agreementId,
                                                              @QueryParam("confidence") String confidence,
                                                              @Context UriInfo uri) {
        RequestParams.allowOnly(uri, "confidence");
        return reports.forAgreement(RequestParams.uuid("agreementId", agreementId),
                RequestParams.enumValue("confidence", confidence, Confidence.class));
    }
}
