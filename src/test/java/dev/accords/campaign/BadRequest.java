package dev.accords.campaign;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.accords.contract.Contract.Operation;

/**
 * One malformed request aimed at one operation of the contract.
 *
 * <p>Path parameters that the generator left alone are filled in at send time with the ids of real
 * resources (see {@link #target(Map)}), so a request whose only defect is in its body or headers
 * reaches validation instead of stopping at a 404. Values in {@code pathValues} and {@code query},
 * and the literal parts of {@code path}, are sent exactly as they are (already percent-encoded, or
 * broken on purpose).
 *
 * @param family     the kind of defect, e.g. path, query, body, shape, badEscape, longTarget (see {@link Malformations})
 * @param defect     what exactly is wrong, e.g. {@code body.parties[].code.pattern}
 * @param method     the HTTP method sent (an undeclared one for route defects)
 * @param path       the path template sent: the operation's, or a changed one (route and matrix defects)
 * @param pathValues values for the path parameters the generator broke
 * @param query      the query string, without '?', or empty
 * @param headers    headers besides Host, Authorization and Content-Length
 * @param body       the body bytes, or null for none
 * @param chunked    send the body with chunked transfer coding (no Content-Length)
 * @param expected   the one answer this defect must get, when the rules name one; null when any declared
 *                   refusal will do
 */
public record BadRequest(Operation operation, String family, String defect, String method, String path,
                         Map<String, String> pathValues, String query, List<Map.Entry<String, String>> headers,
                         byte[] body, boolean chunked, Expected expected) {

    /** A status, and the problem code when one is required (null: any code of that status). */
    public record Expected(int status, String code) {
        @Override
        public String toString() {
            return status + (code == null ? "" : " " + code);
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** A request that changes nothing yet: the operation's method and path, no query. */
    static BadRequest of(Operation operation, String family, String defect, List<Map.Entry<String, String>> headers,
                         byte[] body) {
        return new BadRequest(operation, family, defect, operation.method(), operation.path(), Map.of(), "",
                List.copyOf(headers), body, false, null);
    }

    BadRequest withMethod(String newMethod) {
        return new BadRequest(operation, family, defect, newMethod, path, pathValues, query, headers, body, chunked, expected);
    }

    BadRequest withPath(String newPath) {
        return new BadRequest(operation, family, defect, method, newPath, pathValues, query, headers, body, chunked, expected);
    }

    BadRequest withPathValue(String name, String value) {
        return new BadRequest(operation, family, defect, method, path, Map.of(name, value), query, headers, body, chunked,
                expected);
    }

    BadRequest withQuery(String newQuery) {
        return new BadRequest(operation, family, defect, method, path, pathValues, newQuery, headers, body, chunked, expected);
    }

    BadRequest withHeaders(List<Map.Entry<String, String>> newHeaders) {
        return new BadRequest(operation, family, defect, method, path, pathValues, query, List.copyOf(newHeaders), body,
                chunked, expected);
    }

    BadRequest withBody(byte[] newBody, boolean newChunked) {
        return new BadRequest(operation, family, defect, method, path, pathValues, query, headers, newBody, newChunked,
                expected);
    }

    BadRequest expecting(int status, String code) {
        return new BadRequest(operation, family, defect, method, path, pathValues, query, headers, body, chunked,
                new Expected(status, code));
    }

    /** The request target, with real ids where the generator kept the path parameter. */
    public String target(Map<String, String> realIds) {
        StringBuilder sent = new StringBuilder();
        Matcher matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = pathValues.containsKey(name) ? pathValues.get(name) : realIds.get(name);
            if (value == null) {
                throw new IllegalStateException("no id for path parameter " + name + " of " + operation);
            }
            matcher.appendReplacement(sent, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(sent);
        return query.isEmpty() ? sent.toString() : sent + "?" + query;
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** A short, printable description for failure reports (long values are cut). */
    public String describe(Map<String, String> realIds) {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.stream().limit(12).forEach(h -> shown.put(h.getKey(), cut(h.getValue(), 120)));
        String more = headers.size() > 12 ? " (+" + (headers.size() - 12) + " more headers)" : "";
        String bodyText = body == null ? "(none)" : cut(new String(body, StandardCharsets.UTF_8), 400)
                + " [" + body.length + " bytes" + (chunked ? ", chunked" : "") + "]";
        return operation.operationId() + " [" + defect + "] " + method + " " + cut(target(realIds), 300)
                + " headers=" + shown + more + " body=" + bodyText + (expected == null ? "" : " expecting " + expected);
    }

    static String cut(String text, int max) {
        String printable = text.codePoints()
                .mapToObj(cp -> cp < 0x20 || cp == 0x7f || Character.isSurrogate((char) cp) && cp <= 0xFFFF
                        ? String.format("\\u%04X", cp) : new String(Character.toChars(cp)))
                .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append).toString();
        if (printable.codePointCount(0, printable.length()) <= max) {
            return printable;
        }
        return printable.substring(0, printable.offsetByCodePoints(0, max)) + "…(" + text.length() + " chars)";
    }
}
