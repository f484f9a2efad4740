package dev.accords.campaign;

import java.nio.charset.StandardCharsets;

/** Percent-encoding as a client would do it, and as a broken one would. */
public final class Urls {

    private Urls() {
    }

    /**
     * Percent-encodes every character but RFC 3986's unreserved ones. A lone surrogate, which has
     * no UTF-8 form, is written as the three bytes a naive encoder produces for it (e.g. %ED%A0%80),
     * which is not valid UTF-8: the server must cope with that too.
     */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '.' || cp == '_' || cp == '~')) {
                out.append((char) cp);
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                out.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F),
                        0x80 | (cp & 0x3F)));
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xFF));
                }
            }
        }
        return out.toString();
    }
}
