package dev.accords.common;

/** JSON Merge Patch (RFC 7396). Patch records model it with Optional fields; see AgreementPatch. */
public final class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }
}
