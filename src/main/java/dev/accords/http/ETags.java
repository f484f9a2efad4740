package dev.accords.http;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

import jakarta.ws.rs.core.EntityTag;

/**
 * ETags are the entity's version, quoted: {@code "3"}. {@code If-Match} uses the strong comparison
 * of RFC 9110 §13.1.1 (a weak tag never matches), {@code If-None-Match} the weak one (§13.1.2).
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Refuses with 412 when an {@code If-Match} header is present and names no current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (String tag : tags(ifMatch, "If-Match")) {
            if (tag.equals("*") || tag.equals("\"" + current + "\"")) {
                return;
            }
        }
        throw new ApiException(ProblemCode.PRECONDITION_FAILED,
                "If-Match " + ifMatch.strip() + " does not match the current ETag \"" + current + "\"");
    }

    /** True when an {@code If-None-Match} header names the current version (so GET answers 304). */
    public static boolean noneMatchHits(String ifNoneMatch, long currentVersion) {
        if (ifNoneMatch == null) {
            return false;
        }
        String current = "\"" + currentVersion + "\"";
        for (String tag : tags(ifNoneMatch, "If-None-Match")) {
            String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
            if (tag.equals("*") || opaque.equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String[] tags(String header, String headerName) {
        String[] tags = header.split(",");
        if (tags.length == 0) {
            // only commas: a list without a single entity tag
            throw ApiException.invalid(headerName, "must be \"*\" or a list of quoted entity tags such as \"3\"");
        }
        for (int i = 0; i < tags.length; i++) {
            tags[i] = tags[i].strip();
            String tag = tags[i];
            String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
            boolean quoted = opaque.length() >= 2 && opaque.startsWith("\"") && opaque.endsWith("\"")
                    && opaque.indexOf('"', 1) == opaque.length() - 1;
            // "*" stands alone (RFC 9110 §13.1.1): in a list it is malformed, not a wildcard.
            if (tag.equals("*") ? !header.strip().equals("*") : !quoted) {
                throw ApiException.invalid(headerName, "must be \"*\" or a list of quoted entity tags such as \"3\"");
            }
        }
        return tags;
    }
}
