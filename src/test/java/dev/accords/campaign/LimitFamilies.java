package dev.accords.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.accords.campaign.JsonText.Obj;
import dev.accords.contract.Contract.Operation;
import dev.accords.contract.Contract.Parameter;

/**
 * Requests over the service's limits: a body over 1 MiB, declared or chunked ("size", 413), a request
 * target (path and query) over 4,096 characters ("longTarget", 414), and headers over 20 KiB in all,
 * in many headers or one ("manyHeaders", 431). Each must still be answered with a problem. The
 * requests stay well below the HTTP codec's own ceilings (64 KiB), past which only a bare status can
 * be sent.
 */
final class LimitFamilies {

    /** quarkus.http.limits.max-body-size in application.properties. */
    static final int MAX_BODY = 1024 * 1024;
    /** The longest request target (path and query, in characters) the service takes. */
    static final int MAX_TARGET = 4096;
    /** The most header bytes the service takes: each header's name, ": ", value and CRLF, all together. */
    static final int MAX_HEADER_SECTION = 20 * 1024;

    private final Baseline baseline;

    LimitFamilies(Baseline baseline) {
        this.baseline = baseline;
    }

    List<Family> families() {
        return List.of(new Family("size", 1, Operation::hasBody, this::size),
                new Family("longTarget", 1, op -> true, this::longTarget),
                new Family("manyHeaders", 1, op -> true, this::manyHeaders));
    }

    private Gen<BadRequest> size(Operation op) {
        String mediaType = Baseline.jsonType(op);
        Obj base = baseline.validBody(op, mediaType);
        String first = base.names().isEmpty() ? "a" : base.names().get(0);
        return Gen.combine(Gen.between(MAX_BODY + 1, MAX_BODY + 64 * 1024), Gen.booleans(), (size, chunked) -> {
            Obj copy = base.copy();
            copy.put(first, "");
            String shell = JsonText.write(copy);
            int fill = Math.max(0, size - shell.length());
            String body = shell.replaceFirst(Pattern.quote("\"" + first + "\":\"\""),
                    Matcher.quoteReplacement("\"" + first + "\":\"" + "a".repeat(fill) + "\""));
            return BadRequest.of(op, "size", chunked ? "size.chunked" : "size.declared", Baseline.headers(mediaType), null)
                    .withBody(Baseline.utf8(body), chunked).expecting(413, null);
        });
    }

    /** A query value, or for operations with path parameters sometimes a path value, that makes the target too long. */
    private Gen<BadRequest> longTarget(Operation op) {
        List<String> names = new ArrayList<>(op.in("query").stream().map(Parameter::name).toList());
        names.add("x");
        Gen<Integer> lengths = Gen.between(MAX_TARGET + 100, 3 * MAX_TARGET);
        Gen<String> fillers = Gen.of("a", "%C3%A9", "%00", "0123456789");
        Gen<BadRequest> inQuery = random -> {
            String name = Gen.of(names).next(random);
            String value = fill(fillers.next(random), lengths.next(random));
            return baseline.start(op, "longTarget", "longTarget.query").withQuery(name + "=" + value)
                    .expecting(414, null);
        };
        if (op.in("path").isEmpty()) {
            return inQuery;
        }
        Gen<BadRequest> inPath = random -> {
            String name = Gen.of(op.in("path")).next(random).name();
            return baseline.start(op, "longTarget", "longTarget.path")
                    .withPathValue(name, fill(fillers.next(random), lengths.next(random))).expecting(414, null);
        };
        return Gen.frequency(Gen.weight(3, inQuery), Gen.weight(1, inPath));
    }

    private static String fill(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length - length % unit.length());
    }

    /** Many ordinary headers that add up to more than the limit, or one header that alone is over it. */
    private Gen<BadRequest> manyHeaders(Operation op) {
        Gen<BadRequest> many = random -> {
            int valueLength = random.nextInt(60, 121);
            int count = MAX_HEADER_SECTION / (valueLength + 16) + random.nextInt(20, 200);
            List<Map.Entry<String, String>> headers = new ArrayList<>(Baseline.headers(op));
            for (int i = 0; i < count; i++) {
                headers.add(Map.entry(String.format("X-Filler-%03d", i), "v".repeat(valueLength)));
            }
            return baseline.start(op, "manyHeaders", "manyHeaders.many").withHeaders(headers).expecting(431, null);
        };
        Gen<BadRequest> one = random -> {
            String name = Gen.of("Cookie", "X-Large", "User-Agent", "Accept-Language").next(random);
            List<Map.Entry<String, String>> headers = new ArrayList<>(Baseline.headers(op));
            headers.add(Map.entry(name, "c".repeat(random.nextInt(MAX_HEADER_SECTION + 1_000, 2 * MAX_HEADER_SECTION))));
            return baseline.start(op, "manyHeaders", "manyHeaders.one").withHeaders(headers).expecting(431, null);
        };
        return Gen.frequency(Gen.weight(3, many), Gen.weight(1, one));
    }
}
