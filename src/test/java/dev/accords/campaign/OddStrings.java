package dev.accords.campaign;

import java.util.List;

/**
 * Strings a careless or hostile client sends: emoji and ZWJ sequences, right-to-left text and
 * overrides, NUL and other control characters, lone and reversed surrogates, combining marks,
 * zero-width and non-characters, injection-looking text, and very long runs of all of them.
 */
public final class OddStrings {

    /** Pieces the generated strings are made of. */
    static final List<String> PIECES = List.of(
            "😀", "👩‍👩‍👧‍👦", "🇺🇦", "🏳️‍🌈", "𝐀𝐜𝐜𝐨𝐫𝐝", "𓀀",
            "مرحبا", "שלום", "\u202Eevil\u202C", "\u200E", "\u200F", "\u2067isolate\u2069",
            "\u0000", "\u0001", "\u001F", "\u007F", "\u0085", "\t", "\n", "\r\n",
            "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800",
            "e\u0301", "Z\u0351\u0352\u0357\u035B\u0300\u0301\u0302", "\u0301", "\u20DD",
            "\u200B", "\u200D", "\u2060", "\uFEFF", "\u00A0", "\u00AD", "\u3000",
            "\uE000", "\uFFFF", "\uFFFE", "\uFFFD",
            "ÄÖÜß", "協定", "समझौता", "Ελλάδα", "Україна",
            "' OR '1'='1", "\"; drop table agreements; --", "%s%n%x", "${jndi:ldap://x}", "{{7*7}}",
            "<script>alert(1)</script>", "../../etc/passwd", "\\", "\"", "null", "NaN", "-0", "1e309",
            "   ", "x");

    private OddStrings() {
    }

    /** One to eight pieces joined: short odd strings. */
    public static Gen<String> shortOdd() {
        return Gen.of(PIECES).list(1, 8).map(pieces -> String.join("", pieces));
    }

    /** A string of at least {@code minCodePoints} code points (and as many UTF-16 units), made of odd pieces. */
    public static Gen<String> atLeast(int minCodePoints) {
        return Gen.of(PIECES).list(1, 6).map(pieces -> {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (out.codePointCount(0, out.length()) < minCodePoints) {
                out.append(pieces.get(i++ % pieces.size()));
            }
            return out.toString();
        });
    }

    /** Longer than {@code max} code points: just over it, twice it, or 10,000 and more. */
    public static Gen<String> longerThan(int max) {
        return Gen.<Integer>frequency(
                        Gen.weight(3, Gen.constant(max + 1)),
                        Gen.weight(2, Gen.between(max + 2, Math.max(max + 3, 2 * max))),
                        Gen.weight(2, Gen.between(Math.max(10_000, max + 1), Math.max(10_050, max + 50))))
                .flatMap(OddStrings::atLeast);
    }

    /** Short odd strings and, now and then, a long one. */
    public static Gen<String> any() {
        return Gen.<String>frequency(
                Gen.weight(8, shortOdd()),
                Gen.weight(1, Gen.between(200, 10_050).flatMap(OddStrings::atLeast)));
    }
}
