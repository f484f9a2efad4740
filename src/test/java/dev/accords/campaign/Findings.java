package dev.accords.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What went wrong, grouped so that one bug hit a thousand times is reported once, with an example. */
final class Findings {

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Map<String, Integer> byFamily = new TreeMap<>();
    private int requests;

    /** Everything wrong with the answer to one request (nothing, mostly). */
    void add(List<String> problems, BadRequest request, RawHttp.Response response, Map<String, String> ids) {
        if (!problems.isEmpty()) {
            requests++;
            byFamily.merge(request.family(), 1, Integer::sum);
            problems.forEach(problem -> record(problem, request, response, ids));
        }
    }

    void add(String problem, BadRequest request, RawHttp.Response response, Map<String, String> ids) {
        add(List.of(problem), request, response, ids);
    }

    private void record(String problem, BadRequest request, RawHttp.Response response, Map<String, String> ids) {
        String[] defect = request.defect().split("\\.");
        String key = request.operation().operationId() + " | " + defect[0] + (defect.length > 1 ? "." + defect[1] : "")
                + " | " + response.status() + " | " + BadRequest.cut(problem.replaceAll("\\s+", " "), 160);
        counts.merge(key, 1, Integer::sum);
        examples.computeIfAbsent(key, k -> request.describe(ids) + "\n      -> " + response.status() + " "
                + response.headers() + " " + BadRequest.cut(response.bodyText(), 600));
    }

    /** How many requests were answered wrongly, in one way or several. */
    int requests() {
        return requests;
    }

    String report() {
        if (counts.isEmpty()) {
            return "  findings: none\n";
        }
        int problems = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder report = new StringBuilder("  findings (" + requests + " requests, by family " + byFamily + "; "
                + problems + " problems of " + counts.size() + " kinds):\n");
        counts.forEach((key, count) -> report.append("    ").append(count).append(" x ").append(key).append('\n')
                .append("      e.g. ").append(examples.get(key)).append('\n'));
        return report.toString();
    }
}
