package dev.accords.redline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.accords.provenance.Source;

/** The optional body of a rejection or a withdrawal: why. */
public record ProposalDecisionRequest(@Size(max = 2000) String reason, @Valid Source source) {
}
