package dev.accords.redline;

import jakarta.validation.constraints.Size;

/** The optional body of a rejection or a withdrawal: why. */
public record ProposalDecisionRequest(@Size(max = 2000) String reason) {
}
