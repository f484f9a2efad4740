package dev.accords.ratification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One domestic step of one party, recorded after signature. A record: never changed or deleted
 * through the service (a mistake is answered by recording a further instrument, docs/RATIFICATION.md).
 * Never leaves the service layer: see {@link InstrumentView}.
 */
@Entity
@Table(name = "agreement_instruments")
public class Instrument {

    @Id
    public UUID id;

    @Column(updatable = false)
    public UUID agreementId;

    public String partyCode;

    @Enumerated(EnumType.STRING)
    public InstrumentKind kind;

    /** "date" is a reserved word in SQL. */
    @Column(name = "instrument_date")
    public LocalDate date;

    public String body;

    public String reference;

    /** The reservations and declarations, as the JSON the API shows ({@link InstrumentStatement}s). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String statements;

    public Instant createdAt;

    /** Always 0: an instrument never changes; kept so that it has an ETag like every resource. */
    @Version
    public long version;
}
