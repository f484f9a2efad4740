package dev.accords.ratification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementRepository;
import dev.accords.agreement.AgreementStatus;
import dev.accords.agreement.EntryIntoForceRule;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.paging.Timestamps;

/**
 * The two ways into IN_FORCE (docs/RATIFICATION.md): the last party's notification, when the date its
 * rule gives has already come, and the sweeper, for a date that was still ahead then. Both run with
 * the agreement row locked for update, so an agreement enters into force once, whichever instance
 * or request gets there first.
 */
@ApplicationScoped
public class EntryIntoForce {

    private static final Logger LOG = Logger.getLogger(EntryIntoForce.class);

    @Inject
    AgreementRepository agreements;
    @Inject
    InstrumentRepository instruments;
    @Inject
    AuditTrail audit;

    /** The date the rule gives for a last notification on {@code lastNotification}. */
    static LocalDate dateFor(Agreement agreement, LocalDate lastNotification) {
        return agreement.entryIntoForceRule == EntryIntoForceRule.DAYS_AFTER_LAST_NOTIFICATION
                ? lastNotification.plusDays(agreement.entryIntoForceDays) : lastNotification;
    }

    /**
     * Called (in its transaction, agreement locked for update) after a notification is stored: once
     * every party has notified, sets the date, and enters into force if the date has come; otherwise
     * the agreement stays SIGNED with the date set, scheduled for the sweeper.
     */
    void afterNotification(Agreement agreement, LocalDate today) {
        InstrumentRepository.Notifications notifications = instruments.notifications(agreement.id);
        if (notifications.parties() < agreement.parties.size()) {
            return;
        }
        LocalDate date = dateFor(agreement, notifications.last());
        agreement.entryIntoForceDate = date;
        agreement.updatedAt = Timestamps.now();
        Map<String, Object> changes = new LinkedHashMap<>();
        if (date.isAfter(today)) {
            agreements.flush();
            changes.put("entryIntoForceDate", date);
            audit.record(agreement.id, EventKind.AGREEMENT_UPDATED, EventTarget.AGREEMENT, agreement.id, changes);
            return;
        }
        enter(agreement, changes);
    }

    /**
     * The sweeper's step for one agreement it found due: takes the row for update and enters into
     * force only if it is still SIGNED and due. A second instance sweeping the same agreement waits for
     * the lock and then finds it IN_FORCE, so the status event is written once.
     */
    @Transactional
    public boolean enterIfDue(UUID agreementId, LocalDate today) {
        Agreement agreement = agreements.findByIdOptional(agreementId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        if (agreement == null || agreement.status != AgreementStatus.SIGNED || agreement.entryIntoForceDate == null
                || agreement.entryIntoForceDate.isAfter(today)) {
            return false;
        }
        agreement.updatedAt = Timestamps.now();
        enter(agreement, new LinkedHashMap<>());
        LOG.infof("Agreement %s entered into force on %s", agreementId, agreement.entryIntoForceDate);
        return true;
    }

    private void enter(Agreement agreement, Map<String, Object> changes) {
        agreement.status = AgreementStatus.IN_FORCE;
        agreements.flush();
        changes.put("status", AgreementStatus.IN_FORCE);
        changes.put("entryIntoForceDate", agreement.entryIntoForceDate);
        audit.record(agreement.id, EventKind.AGREEMENT_STATUS_CHANGED, EventTarget.AGREEMENT, agreement.id, changes);
    }
}
