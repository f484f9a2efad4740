package dev.accords.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies taken from the example deal of docs/DOMAIN.md, reused across tests. */
public final class Deal {

    private Deal() {
    }

    public static Map<String, Object> agreement(String title) {
        return Map.of(
                "title", title,
                "summary", "Joint fund for Ukraine's reconstruction financed by natural-resource revenues.",
                "parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", "Ukraine")),
                "tags", List.of("natural-resources", "reconstruction", "security"),
                "status", "NEGOTIATING",
                "plannedSigningDate", "2025-02-28",
                "signingPlace", "Washington, D.C.");
    }

    public static Map<String, Object> agreement() {
        return agreement("US–Ukraine Natural Resources and Reconstruction Agreement " + UUID.randomUUID());
    }

    /** A unique tag, so a test can list exactly the agreements it made in a shared database. */
    public static String uniqueTag() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
