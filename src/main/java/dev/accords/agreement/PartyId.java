package dev.accords.agreement;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class PartyId implements Serializable {

    @Column(name = "agreement_id")
    public UUID agreementId;

    public String code;

    protected PartyId() {
    }

    public PartyId(UUID agreementId, String code) {
        this.agreementId = agreementId;
        this.code = code;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartyId that && Objects.equals(agreementId, that.agreementId)
                && Objects.equals(code, that.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agreementId, code);
    }
}
