package dev.accords.ratification;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementRepository;
import dev.accords.agreement.AgreementStatus;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.database.ReadOnlyTransaction;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.paging.Timestamps;
import dev.accords.problem.ApiException;
import dev.accords.problem.FieldError;
import dev.accords.problem.ProblemCode;
import dev.accords.security.PartyScope;

/**
 * Owns the transactions of an agreement's instruments: recording one (which may complete the
 * ratification and bring the agreement into force, see {@link EntryIntoForce}), listing and reading.
 */
@ApplicationScoped
public class InstrumentService {

    private static final TypeReference<List<InstrumentStatement>> STATEMENTS = new TypeReference<>() {
    };

    @Inject
    AgreementRepository agreements;
    @Inject
    InstrumentRepository instruments;
    @Inject
    EntryIntoForce entryIntoForce;
    @Inject
    AuditTrail audit;
    @Inject
    PartyScope partyScope;
    @Inject
    ObjectMapper mapper;

    /**
     * Records an instrument. The agreement row is taken for update, as signing does: two parties'
     * "last" notifications racing under a shared lock would each see the other's as missing, and
     * neither would complete the ratification.
     */
    @Transactional
    public InstrumentView create(UUID agreementId, InstrumentCreate request) {
        Agreement agreement = agreements.requireForUpdate(agreementId);
        partyScope.requireMaySpeakFor(request.partyCode(), "record an instrument for it");
        if (!agreement.hasParty(request.partyCode())) {
            throw new ApiException(ProblemCode.PARTY_NOT_FOUND, agreement.notAParty(request.partyCode()));
        }
        requireSigned(agreement);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        requireDate(agreement, request.date(), today);
        List<InstrumentStatement> statements = statements(agreementId, request.statements());
        if (request.kind() == InstrumentKind.NOTIFICATION && instruments.hasNotified(agreementId, request.partyCode())) {
            throw new ApiException(ProblemCode.PARTY_ALREADY_NOTIFIED, request.partyCode()
                    + " has already notified the completion of its procedure; a party notifies once");
        }
        Instrument instrument = new Instrument();
        instrument.id = UUID.randomUUID();
        instrument.agreementId = agreementId;
        instrument.partyCode = request.partyCode();
        instrument.kind = request.kind();
        instrument.date = request.date();
        instrument.body = request.body();
        instrument.reference = request.reference();
        instrument.statements = json(statements);
        instrument.createdAt = Timestamps.now();
        instruments.persist(instrument);
        instruments.flush();
        InstrumentView created = view(instrument, statements);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("instrumentId", created.id());
        changes.put("partyCode", created.partyCode());
        changes.put("kind", created.kind());
        changes.put("date", created.date());
        changes.put("body", created.body());
        changes.put("reference", created.reference());
        changes.put("statements", created.statements());
        audit.record(agreementId, EventKind.AGREEMENT_INSTRUMENT_RECORDED, EventTarget.AGREEMENT, agreementId, changes);
        if (request.kind() == InstrumentKind.NOTIFICATION) {
            entryIntoForce.afterNotification(agreement, today);
        }
        return created;
    }

    @Transactional
    @ReadOnlyTransaction
    public InstrumentPage list(UUID agreementId, int limit, PageCursor after) {
        agreements.require(agreementId);
        Slice<Instrument> page = Slice.of(instruments.page(agreementId, limit, after), limit,
                last -> PageCursor.after(InstrumentRepository.ORDERING, last.createdAt, last.id));
        return new InstrumentPage(page.map(this::view), page.nextCursor());
    }

    @Transactional
    @ReadOnlyTransaction
    public InstrumentView get(UUID agreementId, UUID id) {
        agreements.require(agreementId);
        return view(instruments.require(agreementId, id));
    }

    /**
     * Instruments follow the signature and precede entry into force: before SIGNED there is nothing
     * to ratify yet; IN_FORCE and WITHDRAWN agreements are read-only records.
     */
    private static void requireSigned(Agreement agreement) {
        if (agreement.status == AgreementStatus.SIGNED) {
            return;
        }
        if (agreement.status.isFinal()) {
            throw new ApiException(ProblemCode.AGREEMENT_READ_ONLY, "the agreement is " + agreement.status
                    + "; its instruments can be read, and no more can be recorded");
        }
        throw new ApiException(ProblemCode.AGREEMENT_NOT_SIGNED, "the agreement is " + agreement.status
                + "; instruments are recorded once it is SIGNED");
    }

    /** A domestic step happens after the signature (UTC date) and is recorded once it has happened. */
    private static void requireDate(Agreement agreement, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw ApiException.invalid("date", "must not be in the future (today is " + today + ", UTC)");
        }
        LocalDate signed = LocalDate.ofInstant(agreement.signedAt, ZoneOffset.UTC);
        if (date.isBefore(signed)) {
            throw ApiException.invalid("date", "must not be before the agreement was signed (" + signed + ")");
        }
    }

    /** The statements as stored, each clause id checked against the agreement's clauses in one query. */
    private List<InstrumentStatement> statements(UUID agreementId, List<InstrumentStatement> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        List<InstrumentStatement> statements = requested.stream().map(InstrumentStatement::normalized).toList();
        List<UUID> named = statements.stream().flatMap(s -> s.clauseIds().stream()).distinct().toList();
        if (named.isEmpty()) {
            return statements;
        }
        Set<UUID> found = new HashSet<>(instruments.clausesOf(agreementId, named));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            List<UUID> clauseIds = statements.get(i).clauseIds();
            for (int j = 0; j < clauseIds.size(); j++) {
                if (!found.contains(clauseIds.get(j))) {
                    errors.add(new FieldError("statements[" + i + "].clauseIds[" + j + "]",
                            "no clause with id " + clauseIds.get(j) + " in this agreement"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED, errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " clause ids name no clause of this agreement", errors, Map.of());
        }
        return statements;
    }

    private InstrumentView view(Instrument instrument) {
        try {
            return view(instrument, mapper.readValue(instrument.statements, STATEMENTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored statements unreadable", e);
        }
    }

    private static InstrumentView view(Instrument i, List<InstrumentStatement> statements) {
        return new InstrumentView(i.id, i.partyCode, i.kind, i.date, i.body, i.reference, List.copyOf(statements),
                i.createdAt, i.version);
    }

    private String json(List<InstrumentStatement> statements) {
        try {
            return mapper.writeValueAsString(statements);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statements not serializable", e);
        }
    }
}
