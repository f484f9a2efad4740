package dev.accords.problem;

import java.nio.charset.StandardCharsets;

/**
 * Makes a request path a valid URI reference (RFC 3986 §4.1) for a problem's {@code instance}, which
 * the contract declares as {@code format: uri-reference}: the path a client sent may hold characters
 * a URI must not (a decoded {@code %00}, a space, a raw non-ASCII letter, a lone {@code %}).
 *
 * <p>Written here rather than taken from a library: the escapes the client sent must stay as they are
 * ({@code %2F} is not a {@code /}), while the path escapers of Guava or Vert.x escape every {@code %}.
 */
public final class UriReferences {

    /** "…", percent-encoded: the mark of a cut, as {@link Bounded} puts it, in URI characters. */
    static final String ELLIPSIS = "%E2%80%A6";
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriReferences() {
    }

    /**
     * The path with every character RFC 3986 does not allow in a path percent-encoded (as UTF-8), and
     * its well-formed escapes kept; longer than {@code maxLength}, it is cut before an escape, never
     * inside one, and ends in an encoded "…".
     */
    public static String ofPath(String path, int maxLength) {
        if (path == null) {
            return null;
        }
        StringBuilder encoded = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); ) {
            int codePoint = path.codePointAt(i);
            if (codePoint == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
                encoded.append(path, i, i + 3);
                i += 3;
                continue;
            }
            if (allowed(codePoint)) {
                encoded.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += Character.charCount(codePoint);
        }
        return cut(encoded.toString(), maxLength);
    }

    private static String cut(String encoded, int maxLength) {
        if (encoded.length() <= maxLength) {
            return encoded;
        }
        int end = maxLength - ELLIPSIS.length();
        // Never leave half an escape: back up to its '%'.
        if (encoded.charAt(end - 1) == '%') {
            end -= 1;
        } else if (encoded.charAt(end - 2) == '%') {
            end -= 2;
        }
        return encoded.substring(0, end) + ELLIPSIS;
    }

    private static boolean allowed(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c < 128 && PATH_CHARACTERS.indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
