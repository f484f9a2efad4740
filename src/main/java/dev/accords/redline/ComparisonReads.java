package dev.accords.redline;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Tuple;

import org.hibernate.StatelessSession;

import dev.accords.agreement.AgreementRepository;
import dev.accords.clause.ClauseRepository;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/**
 * Reads the two sides of a comparison in one statement, starting from the agreement row like the
 * other reads (no row: no agreement; no clause id: no clause in it). Each side is a revision or a
 * proposal of that clause; a side whose row is missing is 404 REVISION_NOT_FOUND or PROPOSAL_NOT_FOUND.
 */
final class ComparisonReads {

    /**
     * A side that is not a revision asks for revision 0 and one that is not a proposal for the nil
     * UUID, neither of which exists: one SQL text, and no untyped null parameters.
     */
    private static final UUID NO_PROPOSAL = new UUID(0, 0);

    private static final String SELECT = """
            select c.id as clause_id, s.side, s.text, s.author, s.party_code, s.based_on_revision
            from agreements a
            left join clauses c on c.agreement_id = a.id and c.id = :clause
            left join lateral (
              select side, r.text, r.author, r.party_code, null::integer as based_on_revision
              from (values (1, :fromRevision), (2, :toRevision)) as wanted (side, number)
              join clause_revisions r on r.clause_id = c.id and r.number = wanted.number
              union all
              select side, p.text, p.author, p.party_code, p.based_on_revision
              from (values (1, cast(:fromProposal as uuid)), (2, cast(:toProposal as uuid))) as wanted (side, id)
              join clause_proposals p on p.clause_id = c.id and p.id = wanted.id) s on true
            where a.id = :agreement""";

    /** A side as the client named it: a revision number or a proposal id. */
    record Wanted(Integer revision, UUID proposalId) {

        ComparisonSide.Kind kind() {
            return revision != null ? ComparisonSide.Kind.REVISION : ComparisonSide.Kind.PROPOSAL;
        }
    }

    /** A side as read: its text ("" for a revision without text) and its author and party, when known. */
    record Found(ComparisonSide side, String text) {
    }

    private ComparisonReads() {
    }

    static List<Found> read(StatelessSession session, UUID agreementId, UUID clauseId, Wanted from, Wanted to) {
        List<Tuple> rows = session.createNativeQuery(SELECT, Tuple.class)
                .setParameter("agreement", agreementId).setParameter("clause", clauseId)
                .setParameter("fromRevision", revision(from)).setParameter("toRevision", revision(to))
                .setParameter("fromProposal", proposal(from)).setParameter("toProposal", proposal(to))
                .getResultList();
        if (rows.isEmpty()) {
            throw AgreementRepository.notFound(agreementId);
        }
        if (rows.get(0).get("clause_id") == null) {
            throw ClauseRepository.notFound(clauseId);
        }
        return List.of(found(rows, 1, from, "from"), found(rows, 2, to, "to"));
    }

    private static Found found(List<Tuple> rows, int side, Wanted wanted, String parameter) {
        Tuple row = rows.stream().filter(r -> r.get("side") != null && ((Number) r.get("side")).intValue() == side)
                .findFirst().orElseThrow(() -> notFound(wanted, parameter));
        String text = row.get("text", String.class);
        return new Found(new ComparisonSide(wanted.kind(), wanted.revision() != null ? wanted.revision()
                : ((Number) row.get("based_on_revision")).intValue(), wanted.proposalId(),
                row.get("author", String.class), row.get("party_code", String.class)), text == null ? "" : text);
    }

    private static ApiException notFound(Wanted wanted, String parameter) {
        return wanted.revision() != null
                ? new ApiException(ProblemCode.REVISION_NOT_FOUND, "the clause has no revision " + wanted.revision()
                        + " (" + parameter + ")")
                : new ApiException(ProblemCode.PROPOSAL_NOT_FOUND, "no proposal with id " + wanted.proposalId()
                        + " for this clause (" + parameter + ")");
    }

    private static int revision(Wanted wanted) {
        return wanted.revision() == null ? 0 : wanted.revision();
    }

    private static UUID proposal(Wanted wanted) {
        return wanted.proposalId() == null ? NO_PROPOSAL : wanted.proposalId();
    }
}
