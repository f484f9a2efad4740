package dev.accords.problem;

/**
 * Holds strings that may carry client input (a problem's detail, a field name, the request path) to
 * the maxLength openapi.yaml promises for them.
 *
 * <p>Written here rather than taken from a library: JSON Schema counts a string's length in code
 * points, and a cut must not split a surrogate pair (commons-lang's abbreviate counts UTF-16 units and
 * can), so the cut is made on a code point boundary.
 */
public final class Bounded {

    static final String ELLIPSIS = "…";

    private Bounded() {
    }

    /** The text itself when it has at most {@code maxCodePoints} code points, else its start and "…". */
    public static String text(String text, int maxCodePoints) {
        if (text == null || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxCodePoints - 1);
        return text.substring(0, end) + ELLIPSIS;
    }
}
