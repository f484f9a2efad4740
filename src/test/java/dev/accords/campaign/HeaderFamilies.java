package dev.accords.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.accords.contract.Contract.Operation;

/**
 * Invalid request headers: malformed {@code If-Match}/{@code If-None-Match} and
 * {@code Idempotency-Key} ("header"), an {@code Accept} that allows nothing the operation answers
 * with ("accept"), and a valid body under a media type the operation does not take, or none
 * ("media").
 */
final class HeaderFamilies {

    /**
     * RFC 9110 §8.8.3 entity-tag list (or "*"), for If-Match and If-None-Match. A list may hold empty
     * elements (§5.6.1: {@code "3",} is a valid list) but needs one tag.
     */
    private static final String TAG = "(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"";
    static final Pattern ENTITY_TAGS = Pattern.compile(
            "^\\*$|^([ \\t]*,)*[ \\t]*" + TAG + "([ \\t]*,([ \\t]*" + TAG + ")?)*[ \\t]*$");
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final String VISIBLE_ASCII = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
            + "abcdefghijklmnopqrstuvwxyz{|}~ ";

    private final Baseline baseline;

    HeaderFamilies(Baseline baseline) {
        this.baseline = baseline;
    }

    List<Family> families() {
        return List.of(
                new Family("header", 4, op -> op.has("header", "If-Match") || op.has("header", "If-None-Match")
                        || op.has("header", "Idempotency-Key"), this::header),
                new Family("accept", 2, op -> op.statuses().stream().anyMatch(s -> s.startsWith("2") && !s.equals("204")),
                        this::accept),
                new Family("media", 4, Operation::hasBody, this::media));
    }

    private Gen<BadRequest> header(Operation op) {
        List<Gen<BadRequest>> options = new ArrayList<>();
        Gen<String> badTags = Gen.<String>oneOf(
                        Gen.of("abc", "3", "\"3", "3\"", "W/3", "W/\"3", "\"\"3\"\"", "\"3\" \"4\"", ",", "\"3\",", ",\"3\"",
                                "*, \"3\"", "\"3\", *", "**", "w/\"3\"", "\"3\";", "'3'", "\"a\"b\"", "W/ \"3\"", "\"3\" x"),
                        Gen.strings(VISIBLE_ASCII, 1, 30),
                        OddStrings.shortOdd().map(s -> s.replaceAll("[\\x00-\\x1f\\x7f\\x85]", "")))
                .map(Baseline::asSent)
                .filter(v -> !v.isBlank() && v.strip().equals(v) && !ENTITY_TAGS.matcher(Baseline.latin1(v)).matches());
        for (String name : List.of("If-Match", "If-None-Match")) {
            if (op.has("header", name)) {
                options.add(badTags.map(tag -> withHeader(baseline.start(op, "header", "header." + name), name, tag)));
            }
        }
        if (op.has("header", "Idempotency-Key")) {
            Gen<Labeled<String>> keys = Gen.<Labeled<String>>oneOf(
                            Gen.strings("abcdef0123456789-", 256, 400).map(k -> Labeled.of("tooLong", k)),
                            Gen.of("a b", "key with spaces", "tab\there", "ключ", "clé-😀", "\u00e9", "é", "a\u00a0b")
                                    .map(k -> Labeled.of("notVisibleAscii", k)),
                            OddStrings.shortOdd().map(s -> s.replaceAll("[\\x00-\\x1f\\x7f\\x85]", "").strip())
                                    .map(k -> Labeled.of("oddUnicode", k)))
                    .map(k -> Labeled.of(k.kind(), Baseline.asSent(k.value())))
                    .filter(k -> !k.value().isEmpty() && !IDEMPOTENCY_KEY.matcher(Baseline.latin1(k.value())).matches());
            options.add(keys.map(key -> withHeader(baseline.start(op, "header", "header.Idempotency-Key." + key.kind()),
                    "Idempotency-Key", key.value())));
        }
        return Gen.oneOf(options);
    }

    /** The request with this header set to the value, in place of the valid one it may already carry. */
    private static BadRequest withHeader(BadRequest request, String name, String value) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        headers.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        headers.add(Map.entry(name, value));
        return request.withHeaders(headers);
    }

    /** Only media types the operation cannot produce. */
    private Gen<BadRequest> accept(Operation op) {
        return Gen.of("text/html", "application/xml", "text/plain", "image/png", "text/csv", "application/pdf",
                        "application/yaml", "text/html, application/xhtml+xml", "application/vnd.ms-excel",
                        "application/json-seq", "text/event-stream")
                .filter(accept -> !op.responseMediaTypes().contains(accept))
                .map(accept -> {
                    List<Map.Entry<String, String>> headers = Baseline.headers(op);
                    headers.set(0, Map.entry("Accept", accept));
                    return baseline.start(op, "accept", "accept").withHeaders(headers);
                });
    }

    /** A valid body sent as something else, or with no media type at all. */
    private Gen<BadRequest> media(Operation op) {
        Set<String> declared = new TreeSet<>();
        op.bodies().keySet().forEach(type -> declared.add(type.toLowerCase(Locale.ROOT)));
        return Gen.of("text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/octet-stream", "application/jsonx",
                        "application/json-patch+json", "application/merge-patch+json", "application/problem+json",
                        "image/png", "text/json", "json", "application", "*/*", "application/*", "(none)")
                .filter(type -> !declared.contains(type.toLowerCase(Locale.ROOT)))
                .map(type -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>();
                    headers.add(Map.entry("Accept", Baseline.ACCEPT));
                    if (!type.equals("(none)")) {
                        headers.add(Map.entry("Content-Type", type));
                    }
                    return baseline.start(op, "media", "media." + type).withHeaders(headers);
                });
    }
}
