package dev.accords.ratification;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reservation or declaration made with an instrument, optionally about clauses of the agreement
 * (which the service checks belong to it). Stored as it came, in the instrument's jsonb column.
 */
public record InstrumentStatement(
        @NotNull StatementKind kind,
        @NotBlank @Size(max = 4000) String text,
        @Size(max = 20) List<@NotNull UUID> clauseIds) {

    /** Absent and null clause lists read as none, so views and events always carry a list. */
    InstrumentStatement normalized() {
        return clauseIds == null ? new InstrumentStatement(kind, text, List.of()) : this;
    }
}
