package dev.accords.agreement;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

/**
 * A party to an agreement, keyed by (agreement, code) so that clauses, positions and signatories
 * can reference it with a foreign key: the database itself refuses to drop a party in use.
 */
@Entity
@Table(name = "agreement_parties")
public class AgreementParty {

    @EmbeddedId
    public PartyId id;

    @MapsId("agreementId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    public String name;

    public short ordinal;

    public String code() {
        return id.code;
    }
}
