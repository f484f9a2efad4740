package dev.accords.problem;

import dev.accords.http.Idempotency;

import java.util.Locale;

/**
 * Every problem {@code code} the service can return. A code always has the same status and title,
 * so clients can branch on the code alone; the {@code detail} says what happened this time.
 */
public enum ProblemCode {
    MALFORMED_REQUEST_BODY(400, "Malformed request body"),
    VALIDATION_FAILED(400, "Request validation failed"),
    INVALID_CURSOR(400, "Invalid pagination cursor"),
    WEBHOOK_URL_NOT_ALLOWED(400, "Webhook URL not allowed"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    PARTY_NOT_REPRESENTED(403, "Token does not speak for this party"),
    PARTY_BOUND_TOKEN(403, "Not allowed for a party-bound token"),
    ROUTE_NOT_FOUND(404, "No such route"),
    AGREEMENT_NOT_FOUND(404, "Agreement not found"),
    CLAUSE_NOT_FOUND(404, "Clause not found"),
    SIGNATORY_NOT_FOUND(404, "Signatory not found"),
    PARTY_NOT_FOUND(404, "Party not found"),
    PROPOSAL_NOT_FOUND(404, "Proposal not found"),
    REVISION_NOT_FOUND(404, "Revision not found"),
    INSTRUMENT_NOT_FOUND(404, "Instrument not found"),
    WEBHOOK_ENDPOINT_NOT_FOUND(404, "Webhook endpoint not found"),
    WEBHOOK_DELIVERY_NOT_FOUND(404, "Webhook delivery not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    INVALID_STATUS_TRANSITION(409, "Status transition not allowed"),
    AGREEMENT_READ_ONLY(409, "Agreement is read-only"),
    AGREEMENT_SIGNED(409, "Signed agreement cannot be deleted"),
    AGREEMENT_HAS_BLOCKING_CLAUSES(409, "Agreement has blocking clauses"),
    AGREEMENT_HAS_SIGNATURES(409, "Agreement already has signatures"),
    AGREEMENT_FINALIZED(409, "Agreement is finalized"),
    AGREEMENT_NOT_FINALIZED(409, "Agreement is not finalized"),
    AGREEMENT_NOT_SIGNED(409, "Agreement is not signed"),
    PARTY_IN_USE(409, "Party is in use"),
    PARTY_ALREADY_NOTIFIED(409, "Party has already notified"),
    CLAUSE_REFERENCE_TAKEN(409, "Clause reference already in use"),
    CLAUSE_HAS_OBJECTIONS(409, "Clause has objections"),
    PROPOSAL_NOT_OPEN(409, "Proposal is no longer open"),
    PROPOSAL_BASE_OUTDATED(409, "Proposal is based on an outdated revision"),
    SIGNATORY_ALREADY_SIGNED(409, "Signatory has already signed"),
    SIGNATORY_DECLINED(409, "Signatory has declined"),
    SIGNATORY_OUT_OF_ORDER(409, "Signatory must wait for earlier signatories"),
    WEBHOOK_ENDPOINT_LIMIT_REACHED(409, "Webhook endpoint limit reached"),
    WEBHOOK_ENDPOINT_DISABLED(409, "Webhook endpoint is disabled"),
    WEBHOOK_DELIVERY_PENDING(409, "Webhook delivery is still pending"),
    IDEMPOTENCY_KEY_IN_USE(409, "Idempotency key in use"),
    CONCURRENT_MODIFICATION(409, "Concurrent modification"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused with a different request"),
    HEADERS_TOO_LARGE(431, "Request headers too large"),
    INTERNAL_ERROR(500, "Internal server error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A URI that identifies the problem type (RFC 9457 §3.1.1), stable per code. */
    public String type() {
        return "urn:accords:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
