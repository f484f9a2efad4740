package dev.accords.provenance;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Where a fact comes from: the article or statement a write cites, and how sure it is. Any write may
 * carry one; the clause's status and each position keep the source of the change that set them, and
 * the change's event and revision carry it.
 */
public record Source(
        @NotBlank @Size(max = 2048) @Pattern(regexp = URL, message = "must be an absolute http or https URL") String url,
        @Size(max = 300) String title,
        @Size(max = 200) String publisher,
        Instant publishedAt,
        @NotNull Confidence confidence) {

    /**
     * An absolute http(s) URL of printable ASCII (non-ASCII is percent-encoded in a URL). The same
     * pattern is in the contract, and reads the same in Java and in JavaScript validators.
     */
    static final String URL = "^https?://[!-~]+$";

    /** The weaker of two confidences, null (no source) being weaker than either. */
    public static Confidence weaker(Confidence a, Confidence b) {
        if (a == null || b == null) {
            return null;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
