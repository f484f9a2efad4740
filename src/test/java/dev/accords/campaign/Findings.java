package dev.accords.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

/** What went wrong, grouped so that one bug hit a thousand times is reported once, with an example. */
final class Findings {

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();

    void add(String problem, BadRequest request, RawHttp.Response response, Map<String, String> ids) {
        String[] defect = request.defect().split("\\.");
        String key = request.operation().operationId() + " | " + defect[0] + (defect.length > 1 ? "." + defect[1] : "")
                + " | " + response.status() + " | " + problem.replaceAll("\\s+", " ").substring(0, Math.min(160,
                problem.replaceAll("\\s+", " ").length()));
        counts.merge(key, 1, Integer::sum);
        examples.computeIfAbsent(key, k -> request.describe(ids) + "\n      -> " + response.status() + " "
                + response.headers() + " " + BadRequest.cut(response.bodyText(), 600));
    }

    int count() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    String report() {
        if (counts.isEmpty()) {
            return "  findings: none\n";
        }
        StringBuilder report = new StringBuilder("  findings (" + count() + " requests, " + counts.size() + " kinds):\n");
        counts.forEach((key, count) -> report.append("    ").append(count).append(" x ").append(key).append('\n')
                .append("      e.g. ").append(examples.get(key)).append('\n'));
        return report.toString();
    }
}
