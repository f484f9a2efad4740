package dev.accords.http;

import dev.accords.problem.ApiException;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * JSON Merge Patch (RFC 7396). Patch bodies are classes of Optional fields (see AgreementPatch):
 * null means absent, {@code Optional.empty()} means JSON null, a value means set.
 */
public final class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** The value of a field that may be changed but not removed: JSON null is a 400. */
    public static <T> T required(Optional<T> value, String field) {
        return value.orElseThrow(() -> ApiException.invalid(field, "cannot be null: it is required"));
    }

    /** Sets a field if the patch changes it; tells whether it did. */
    public static <T> boolean set(T current, T next, Consumer<T> setter) {
        if (Objects.equals(current, next)) {
            return false;
        }
        setter.accept(next);
        return true;
    }
}
