package dev.accords.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.accords.campaign.JsonText.Obj;
import dev.accords.campaign.JsonText.Raw;
import dev.accords.contract.Contract.Operation;

/**
 * Bodies that are not one strict JSON document in UTF-8 ("json"): empty or truncated, trailing
 * garbage, a duplicate key, a root that is not an object, nesting thousands deep, bytes that are not
 * UTF-8, raw control characters in a string, tokens JSON does not have, and broken syntax.
 */
final class JsonSyntaxFamily {

    private final Baseline baseline;

    JsonSyntaxFamily(Baseline baseline) {
        this.baseline = baseline;
    }

    List<Family> families() {
        return List.of(new Family("json", 8, Operation::hasBody, this::json));
    }

    private Gen<BadRequest> json(Operation op) {
        String mediaType = Baseline.jsonType(op);
        Obj base = baseline.validBody(op, mediaType);
        String text = JsonText.write(base);
        String first = base.names().isEmpty() ? "a" : base.names().get(0);
        List<Gen<Labeled<byte[]>>> options = new ArrayList<>();
        options.add(Gen.between(op.bodyRequired() ? 0 : 1, text.length() - 1)
                .map(k -> Labeled.of(k == 0 ? "empty" : "truncated", Baseline.utf8(text.substring(0, k)))));
        options.add(Gen.<String>oneOf(Gen.of("x", "}", "]", ",", "{}", "[]", "null", " 1", "\u0000", "//c",
                                "/* c */", "\"", ",{}", "}}", "\uFEFF", "\u00A0"), OddStrings.shortOdd().filter(s -> !s.isBlank()))
                .map(garbage -> Labeled.of("trailingGarbage", Baseline.utf8(text + garbage))));
        if (!base.names().isEmpty()) {
            options.add(Gen.combine(Gen.of(base.names()), Gen.booleans(), (name, same) -> {
                Obj copy = base.copy();
                copy.add(name, same ? base.get(name) : "another value");
                return Labeled.of("duplicateKey", Baseline.utf8(JsonText.write(copy)));
            }));
        }
        List<String> roots = new ArrayList<>(List.of("[]", "[" + text + "]", "\"text\"", "123", "true", "false", "-0",
                "\"\"", "[{}]", "[null]", "1.5", "\"" + text.replace("\"", "\\\"") + "\""));
        if (op.bodyRequired()) {
            roots.add("null");
        }
        options.add(Gen.of(roots).map(root -> Labeled.of("notAnObject", Baseline.utf8(root))));
        Gen<String> opens = Gen.of("[", "{\"a\":");
        options.add(random -> {
            int depth = random.nextInt(1_001, 6_001);
            String open = opens.next(random);
            boolean closed = random.nextBoolean();
            String close = open.equals("[") ? "]" : "}";
            String nested = open.repeat(depth) + (open.equals("[") ? "" : "1") + (closed ? close.repeat(depth) : "");
            return Labeled.of("deepNesting", Baseline.utf8("{\"" + first + "\":" + nested + "}"));
        });
        options.add(Gen.of(new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xFE}, new byte[]{(byte) 0xC3, 0x28},
                        new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0x80}, new byte[]{(byte) 0xE2, (byte) 0x82},
                        new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
                        new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})
                .map(bad -> Labeled.of("invalidUtf8", insertIntoFirstString(text, bad))));
        options.add(Gen.of("\u0001", "\n", "\t", "\r", "\u0000", "\u001F")
                .map(control -> Labeled.of("rawControlChar", insertIntoFirstString(text, Baseline.utf8(control)))));
        options.add(Gen.of("NaN", "Infinity", "-Infinity", "01", "1.", ".5", "+1", "0x10", "undefined", "'single'",
                        "True", "nul", "1e", "--1", "\"unterminated", "{", "[1,]", "{\"a\"}", "\\u0041")
                .map(token -> {
                    Obj copy = base.copy();
                    copy.put(first, new Raw(token));
                    return Labeled.of("badToken", Baseline.utf8(JsonText.write(copy)));
                }));
        if (!base.names().isEmpty()) {
            String key = "\"" + first + "\"";
            List<String> broken = new ArrayList<>(List.of(
                    text.replaceFirst(Pattern.quote(key + ":"), Matcher.quoteReplacement(key + " ")),
                    text.replaceFirst(Pattern.quote(key), Matcher.quoteReplacement(first)),
                    text.replaceFirst(Pattern.quote(key), Matcher.quoteReplacement("'" + first + "'")),
                    text.substring(0, text.length() - 1) + ",}",
                    "{/* comment */" + text.substring(1),
                    "{," + text.substring(1),
                    text.replace(",\"", " \"")));
            broken.removeIf(b -> b.equals(text));
            options.add(Gen.of(broken).map(b -> Labeled.of("syntax", Baseline.utf8(b))));
        }
        return Gen.oneOf(options).map(body -> BadRequest.of(op, "json", "json." + body.kind(),
                Baseline.headers(mediaType), body.value()));
    }

    private static byte[] insertIntoFirstString(String text, byte[] insert) {
        // Into the first string value, or else into the first key (a body of one boolean has no string
        // value): outside a string, a raw tab or newline is only whitespace, which JSON allows.
        int at = text.indexOf(":\"");
        int position = at >= 0 ? at + 2 : text.indexOf('"') + 1;
        byte[] head = Baseline.utf8(text.substring(0, position));
        byte[] tail = Baseline.utf8(text.substring(position));
        byte[] out = new byte[head.length + insert.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(insert, 0, out, head.length, insert.length);
        System.arraycopy(tail, 0, out, head.length + insert.length, tail.length);
        return out;
    }
}
