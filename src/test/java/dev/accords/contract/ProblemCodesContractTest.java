package dev.accords.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import dev.accords.problem.ProblemCode;

/**
 * The problem codes in the contract are the service's: the {@code ProblemCode} schema enumerates
 * exactly the codes of {@link ProblemCode}, its table gives each the service's status and title, and
 * every operation lists the codes it can return, the same in its description and in
 * {@code x-problem-codes}, each with a response declared for its status.
 */
class ProblemCodesContractTest {

    /** Answered for requests that match no operation, so no operation lists them. */
    private static final Set<String> ROUTE_LEVEL = Set.of("ROUTE_NOT_FOUND", "METHOD_NOT_ALLOWED");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\| ([^|]+?) \\|", Pattern.MULTILINE);
    private static final Pattern LISTED = Pattern.compile("(\\d{3}) `([A-Z_]+)`");

    private final Contract contract = Contract.load();

    @Test
    void shouldEnumerateExactlyTheServicesProblemCodes() {
        List<String> documented = new ArrayList<>();
        contract.schema("ProblemCode").path("enum").forEach(code -> documented.add(code.asText()));
        List<String> service = Arrays.stream(ProblemCode.values()).map(Enum::name).toList();

        assertThat(documented).as("ProblemCode enum in openapi.yaml vs ProblemCode.java, in order").isEqualTo(service);
    }

    @Test
    void shouldDocumentEachCodeWithTheServicesStatusAndTitle() {
        Matcher rows = TABLE_ROW.matcher(contract.schema("ProblemCode").path("description").asText());
        Map<String, String> documented = new LinkedHashMap<>();
        while (rows.find()) {
            documented.put(rows.group(1), rows.group(2) + " " + rows.group(3).strip());
        }
        Map<String, String> service = new LinkedHashMap<>();
        for (ProblemCode code : ProblemCode.values()) {
            service.put(code.name(), code.status() + " " + code.title());
        }

        assertThat(documented).as("the code table in ProblemCode's description").containsExactlyEntriesOf(service);
    }

    @Test
    void shouldListForEveryOperationTheCodesItCanReturn() {
        SoftAssertions softly = new SoftAssertions();
        Set<String> listedAnywhere = new LinkedHashSet<>();
        for (Contract.Operation operation : contract.operations()) {
            List<String> extension = new ArrayList<>();
            operation.definition().path("x-problem-codes").forEach(code -> extension.add(code.asText()));
            List<String> described = new ArrayList<>();
            String description = operation.definition().path("description").asText();
            int problems = description.indexOf("**Problems**");
            softly.assertThat(problems).as("%s: a **Problems** section in the description", operation).isPositive();
            Matcher listed = LISTED.matcher(problems < 0 ? "" : description.substring(problems));
            while (listed.find()) {
                int status = Integer.parseInt(listed.group(1));
                String code = listed.group(2);
                described.add(code);
                ProblemCode known = known(code);
                softly.assertThat(known).as("%s lists %s, which the service does not have", operation, code).isNotNull();
                if (known != null) {
                    softly.assertThat(status).as("%s: the status of %s", operation, code).isEqualTo(known.status());
                    // docs/API-CONVENTIONS.md §17: each 4xx has its own response; 406 and 5xx fall under `default`.
                    boolean declared = operation.declares(status)
                            || ((status == 406 || status >= 500) && operation.statuses().contains("default"));
                    softly.assertThat(declared).as("%s: a response declared for %s %s", operation, status, code).isTrue();
                }
            }
            softly.assertThat(extension).as("%s: x-problem-codes vs the description's **Problems**", operation)
                    .isEqualTo(described);
            listedAnywhere.addAll(described);
        }
        Set<String> unlisted = new LinkedHashSet<>(Arrays.stream(ProblemCode.values()).map(Enum::name).toList());
        unlisted.removeAll(listedAnywhere);
        softly.assertThat(unlisted).as("codes no operation lists").isEqualTo(ROUTE_LEVEL);
        softly.assertAll();
    }

    private static ProblemCode known(String code) {
        try {
            return ProblemCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
