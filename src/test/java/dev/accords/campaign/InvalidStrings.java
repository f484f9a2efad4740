package dev.accords.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Strings that break a string schema, for path and query parameters and body members alike: not a
 * UUID, not matching a pattern, not a value of an enum, not a date. Each generator filters its values
 * against the rule it breaks, so no random choice can make a valid one.
 */
final class InvalidStrings {

    static final Pattern CANONICAL_UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private InvalidStrings() {
    }

    /** Strings that are not UUIDs in the canonical 8-4-4-4-12 form, each with what is wrong. */
    static Gen<Labeled<String>> badUuids() {
        Gen<String> uuid = Gen.combine(Gen.longs(), Gen.longs(), (high, low) -> new UUID(high, low).toString());
        Gen<String> odd = Gen.of("g", "z", "G", "-", "_", " ", "０", "é", "😀", "\u0000");
        Gen<Labeled<String>> typos = random -> {
            String u = uuid.next(random);
            int i = random.nextInt(36);
            String c = odd.next(random);
            return switch (random.nextInt(5)) {
                case 0 -> Labeled.of("charReplaced", u.substring(0, i) + c + u.substring(i + 1));
                case 1 -> Labeled.of("charInserted", u.substring(0, i) + c + u.substring(i));
                case 2 -> Labeled.of("charRemoved", u.substring(0, i) + u.substring(i + 1));
                case 3 -> Labeled.of("noDashes", u.replace("-", ""));
                default -> Labeled.of("wrapped", "{" + u + "}");
            };
        };
        Gen<Labeled<String>> fixed = Gen.of(
                "not-a-uuid", "123", "0", "-1", "null", "undefined", "true", "{}", "[]", "%00", "*",
                "00000000-0000-0000-0000-00000000000g", "00000000000000000000000000000000",
                "00000000-0000-0000-0000-0000000000000", "00000000-0000-0000-0000-00000000000",
                "3fa85f64-5717-4562-b3fc-2c963f66afa6-extra", "urn:uuid:3fa85f64-5717-4562-b3fc-2c963f66afa6",
                " 3fa85f64-5717-4562-b3fc-2c963f66afa6", "3fa85f64-5717-4562-b3fc-2c963f66afa6 ",
                "3fa85f64_5717_4562_b3fc_2c963f66afa6", "3fa85f6-45717-4562-b3fc-2c963f66afa6",
                "ffffffff-ffff-ffff-ffff-fffffffffffff", "1-1-1-1-1", "0x3fa85f64",
                "3fa85f64-5717-4562-b3fc-2c963f66afa６").map(v -> Labeled.of("literal", v));
        Gen<Labeled<String>> oddUnicode = OddStrings.shortOdd().map(v -> Labeled.of("oddUnicode", v));
        Gen<Labeled<String>> longOnes = Gen.between(37, 300).flatMap(OddStrings::atLeast).map(v -> Labeled.of("long", v));
        return Gen.<Labeled<String>>frequency(Gen.weight(4, typos), Gen.weight(3, fixed), Gen.weight(3, oddUnicode),
                        Gen.weight(1, longOnes))
                .filter(v -> !CANONICAL_UUID.matcher(v.value()).matches());
    }

    /** Strings that do not match a pattern (for path use, at most about maxCodePoints long). */
    static Gen<Labeled<String>> violating(String regex, int maxCodePoints) {
        Pattern pattern = Pattern.compile(regex);
        Gen<Labeled<String>> near = Gen.of(
                "ua", "U", "u", "A", "ABCDEFGHIJK", "UA ", " UA", "U A", "U_A", "ÜA", "UA\u0000", "Natural Resources",
                "natural_resources", "-natural", "natural-", "natural--resources", "NATURAL", "a b", "é", "UA\n",
                "UA\u200B", "ＵＡ", "x".repeat(41), "-", "").map(v -> Labeled.of("nearMiss", v));
        Gen<Labeled<String>> oddUnicode = OddStrings.shortOdd().map(v -> Labeled.of("oddUnicode", v));
        Gen<Labeled<String>> longOnes = Gen.between(11, Math.max(12, maxCodePoints)).flatMap(OddStrings::atLeast)
                .map(v -> Labeled.of("long", v));
        return Gen.<Labeled<String>>frequency(Gen.weight(3, near), Gen.weight(3, oddUnicode), Gen.weight(1, longOnes))
                .filter(v -> !pattern.matcher(v.value()).find());
    }

    /** Values outside an enum: other enums' values, case and whitespace variants, odd strings. */
    static Gen<Labeled<String>> unknownEnumValues(JsonNode schema, Collection<String> allEnumValues) {
        List<String> allowed = new ArrayList<>();
        schema.get("enum").forEach(v -> allowed.add(v.asText()));
        List<String> near = new ArrayList<>(allEnumValues);
        near.addAll(List.of("", "UNKNOWN", "null", "SIGNED", "ACCEPTED", "OPEN", "DONE",
                "draft", "Negotiating", "*", "0", "-1", "createdAt ", "+createdAt", "--createdAt", "created_at"));
        for (String value : allowed) {
            near.add(value.toLowerCase(Locale.ROOT));
            near.add(value + " ");
            near.add(" " + value);
            near.add(value + "\u0301");
            near.add(value + "\u0000");
            near.add(value + "S");
            near.add(value.replace('_', '-'));
        }
        return Gen.<Labeled<String>>oneOf(Gen.of(near).map(v -> Labeled.of("unknownEnum", v)),
                        OddStrings.shortOdd().map(v -> Labeled.of("unknownEnumOdd", v)))
                .filter(v -> !allowed.contains(v.value()));
    }

    /** Strings that are not an RFC 3339 full-date, or name a day that does not exist. */
    static Gen<String> badDates() {
        return Gen.of("2025-02-30", "2025-13-01", "2025-00-10", "28/02/2025", "2025-2-28", "20250228",
                "2025-02-28T00:00:00Z", "tomorrow", "", "2025-02-28 ", "+2025-02-28", "٢٠٢٥-٠٢-٢٨", "2025-W09-5",
                "0000-00-00", "99999-01-01");
    }
}
