package dev.accords.report;

import java.util.Map;

/** Open clauses counted by topic (clauses without one are not counted), priority and awaited party. */
public record OpenClauseCounts(Map<String, Integer> byTopic, Map<String, Integer> byPriority,
                               Map<String, Integer> byAwaitedParty) {
}
