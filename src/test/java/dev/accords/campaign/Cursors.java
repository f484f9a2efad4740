package dev.accords.campaign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/** Pagination cursors the service cannot have issued: not base64url, not decodable, or a foreign shape. */
final class Cursors {

    /** The shape of every cursor the service issues, decoded: version 1, an ordering, numbers, a UUID. */
    static final Pattern ISSUED = Pattern.compile(
            "^1\\|[A-Za-z-]+\\|-?[0-9]+(:-?[0-9]+)*\\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final Pattern BASE64URL = Pattern.compile("^[A-Za-z0-9_-]*$");
    private static final String BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Cursors() {
    }

    static Gen<Labeled<String>> garbage(int maxLength) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String uuid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        Gen<Labeled<String>> forged = Gen.of(
                        "2|createdAt|0|" + uuid, "1|createdAt|0", "1|createdAt|0|" + uuid + "|x", "1|zz-nothing|0|" + uuid,
                        "1|createdAt|abc|" + uuid, "1|createdAt|0|not-a-uuid", "1|createdAt||" + uuid, "1||0|" + uuid,
                        "|||", "1|createdAt|99999999999999999999999|" + uuid, "1|createdAt|1.5|" + uuid,
                        "1|createdAt|0x10|" + uuid, "1|createdAt|0|" + uuid.toUpperCase(Locale.ROOT) + "0",
                        "1|sequence|-|" + uuid, "1|createdAt|0|" + uuid + "\u0000", "null", "{}", "")
                .map(v -> Labeled.of("forged", encoder.encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        Gen<Labeled<String>> randomBytes = Gen.bytes(1, 80).map(b -> Labeled.of("randomBytes", encoder.encodeToString(b)));
        Gen<Labeled<String>> notBase64 = Gen.<Labeled<String>>oneOf(
                Gen.of("!!!", "abc=", "a+b/c", "%", "====", "MQ==", "eyJ0eXAiOiJKV1QifQ.x.y", " ", "~~", "a b")
                        .map(v -> Labeled.of("notBase64url", v)),
                OddStrings.shortOdd().map(v -> Labeled.of("oddUnicode", v)));
        Gen<Labeled<String>> tooLong = Gen.strings(BASE64URL_ALPHABET, maxLength + 1, maxLength + 600)
                .map(v -> Labeled.of("tooLong", v));
        return Gen.<Labeled<String>>frequency(Gen.weight(3, forged), Gen.weight(2, randomBytes), Gen.weight(3, notBase64),
                Gen.weight(1, tooLong)).filter(v -> !couldBeIssued(v.value(), maxLength));
    }

    static boolean couldBeIssued(String cursor, int maxLength) {
        if (cursor.isEmpty() || cursor.length() > maxLength || !BASE64URL.matcher(cursor).matches()) {
            return false;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return ISSUED.matcher(text).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
