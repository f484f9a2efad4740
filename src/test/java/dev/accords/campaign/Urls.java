package dev.accords.campaign;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percent-encoding as a client would do it, and as a broken one would; and decoding, as a server would. */
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

    /** The text a percent-encoded string stands for, in UTF-8 (U+FFFD for bytes that are not). */
    public static String decode(String encoded) {
        return new String(bytes(encoded), StandardCharsets.UTF_8);
    }

    /** True when the bytes a percent-encoded string stands for are UTF-8. */
    public static boolean isUtf8(String encoded) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(encoded)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The decoded parameters of a query string, in order (a later duplicate wins). */
    public static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
                    decode(equals < 0 ? "" : pair.substring(equals + 1)));
        }
        return parameters;
    }

    /** The bytes a percent-encoded string stands for; a '%' that starts no escape stands for itself. */
    private static byte[] bytes(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && isHex(encoded.charAt(i + 1)) && isHex(encoded.charAt(i + 2))) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }
}
