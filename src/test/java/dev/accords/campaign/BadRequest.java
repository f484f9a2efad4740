package dev.accords.campaign;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One malformed request aimed at one operation of the contract.
 *
 * <p>Path parameters that the generator left alone are filled in at send time with the ids of real
 * resources (see {@link #target(Map)}), so a request whose only defect is in its body or headers
 * reaches validation instead of stopping at a 404. Values in {@code pathValues} and {@code query}
 * are already percent-encoded, exactly as they go on the wire.
 *
 * @param family     the kind of defect: path, query, header, accept, media, body, json, size, url, route
 * @param defect     what exactly is wrong, e.g. {@code body.parties[].code.pattern}
 * @param method     the HTTP method sent (an undeclared one for route defects)
 * @param pathValues encoded values for the path parameters the generator broke
 * @param suffix     encoded segments appended to the path (route defects)
 * @param query      the encoded query string, without '?', or empty
 * @param headers    headers besides Host, Authorization and Content-Length
 * @param body       the body bytes, or null for none
 * @param chunked    send the body with chunked transfer coding (no Content-Length)
 */
public record BadRequest(Contract.Operation operation, String family, String defect, String method,
                         Map<String, String> pathValues, String suffix, String query,
                         List<Map.Entry<String, String>> headers, byte[] body, boolean chunked) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** The request target, with real ids where the generator kept the path parameter. */
    public String target(Map<String, String> realIds) {
        StringBuilder path = new StringBuilder();
        Matcher matcher = PARAMETER.matcher(operation.path());
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = pathValues.containsKey(name) ? pathValues.get(name) : realIds.get(name);
            if (value == null) {
                throw new IllegalStateException("no id for path parameter " + name + " of " + operation);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        path.append(suffix);
        return query.isEmpty() ? path.toString() : path + "?" + query;
    }

    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** A short, printable description for failure reports (long values are cut). */
    public String describe(Map<String, String> realIds) {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach(h -> shown.put(h.getKey(), cut(h.getValue(), 120)));
        String bodyText = body == null ? "(none)" : cut(new String(body, StandardCharsets.UTF_8), 400)
                + " [" + body.length + " bytes" + (chunked ? ", chunked" : "") + "]";
        return operation.operationId() + " [" + defect + "] " + method + " " + cut(target(realIds), 300)
                + " headers=" + shown + " body=" + bodyText;
    }

    static String cut(String text, int max) {
        String printable = text.codePoints()
                .mapToObj(cp -> cp < 0x20 || cp == 0x7f || Character.isSurrogate((char) cp) && cp <= 0xFFFF
                        ? String.format("\\u%04X", cp) : new String(Character.toChars(cp)))
                .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append).toString();
        return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
