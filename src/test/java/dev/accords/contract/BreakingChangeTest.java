package dev.accords.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * No silent breaking change: openapi.yaml must stay backward compatible with the last released
 * contract of its major version, kept as src/test/resources/contract/openapi-v&lt;version&gt;.yaml
 * (docs/CONTRACT.md says how to release one).
 *
 * <p>Two checks. openapi-diff compares what goes over the wire (removed operations, parameters,
 * response fields, narrower requests, wider responses, ...). And because frontends generate SDKs
 * from the contract, the names in those SDKs must stay too: every released operationId with its
 * path, method and tag (the Java API class), and every released schema name (the SDK's types).
 */
class BreakingChangeTest {

    static final Path RELEASES = Path.of("src/test/resources/contract");
    private static final Pattern RELEASE = Pattern.compile("openapi-v(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");
    /** A row of the code table in the ProblemCode schema's description: | `CODE` | status | ... */
    private static final Pattern CODE_TABLE_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

    private final Contract contract = Contract.load();
    private final Version current = Version.parse(contract.version());

    @Test
    void shouldNotGoBehindTheLastRelease() {
        Release last = releases().max(Comparator.comparing(Release::version)).orElseThrow();
        assertThat(current).as("info.version of openapi.yaml vs the last release, %s", last.file())
                .isGreaterThanOrEqualTo(last.version());
    }

    @Test
    void shouldNotBreakTheLastReleaseOfItsMajorVersionOnTheWire() throws IOException {
        Release baseline = baseline();

        ChangedOpenApi diff = OpenApiCompare.fromLocations(baseline.file().toString(),
                withoutProblemCodesForNewStatuses(baseline, Contract.PATH).toString());

        assertThat(diff.isIncompatible())
                .as("openapi.yaml breaks %s; if that is intended it needs a new major version (docs/CONTRACT.md):%n%s",
                        baseline.file(), markdown(diff))
                .isFalse();
    }

    /** The check itself must notice a breaking change: a response field removed from Agreement. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldNoticeARemovedResponseField() throws IOException {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        Map<String, Object> broken = yaml.readValue(Contract.PATH.toFile(), Map.class);
        Map<String, Object> agreement = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) broken
                .get("components")).get("schemas")).get("Agreement");
        ((Map<String, Object>) agreement.get("properties")).remove("summary");
        ((List<Object>) agreement.get("required")).remove("summary");
        ((Map<String, Object>) agreement.get("example")).remove("summary");
        Path brokenFile = Files.createTempFile("openapi-without-summary", ".yaml");
        yaml.writeValue(brokenFile.toFile(), broken);

        ChangedOpenApi diff = OpenApiCompare.fromLocations(baseline().file().toString(), brokenFile.toString());

        assertThat(diff.isIncompatible()).as("removing Agreement.summary from responses is breaking").isTrue();
    }

    /**
     * A new problem code is judged by its status: for one the release answers (409) it is still a
     * breaking change, for one no operation of the release declared (418) it is not.
     */
    @Test
    void shouldJudgeANewProblemCodeByItsStatus() throws IOException {
        assertThat(diffWithANewProblemCode(409).isIncompatible()).as("a new code for 409").isTrue();
        assertThat(diffWithANewProblemCode(418).isIncompatible()).as("a new code for 418").isFalse();
    }

    @SuppressWarnings("unchecked")
    private ChangedOpenApi diffWithANewProblemCode(int status) throws IOException {
        Map<String, Object> changed = Contract.load().tree();
        Map<String, Object> problemCode = schemas(changed).get("ProblemCode");
        ((List<Object>) problemCode.get("enum")).add("NEW_CODE");
        problemCode.put("description", problemCode.get("description") + "| `NEW_CODE` | " + status + " | New | New. |\n");
        Path changedFile = Files.createTempFile("openapi-with-a-new-code", ".yaml");
        new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .writeValue(changedFile.toFile(), changed);
        return OpenApiCompare.fromLocations(baseline().file().toString(),
                withoutProblemCodesForNewStatuses(baseline(), changedFile).toString());
    }

    @Test
    void shouldKeepTheSdkNamesOfTheLastReleaseOfItsMajorVersion() {
        Release baseline = baseline();
        Contract released = Contract.load(baseline.file());
        Map<String, Contract.Operation> now = new LinkedHashMap<>();
        contract.operations().forEach(operation -> now.put(operation.operationId(), operation));

        SoftAssertions softly = new SoftAssertions();
        for (Contract.Operation before : released.operations()) {
            Contract.Operation after = now.get(before.operationId());
            softly.assertThat(after).as("operationId %s (the SDK method) of %s", before.operationId(), before).isNotNull();
            if (after != null) {
                softly.assertThat(after.method() + " " + after.path())
                        .as("path and method of operationId %s", before.operationId())
                        .isEqualTo(before.method() + " " + before.path());
                softly.assertThat(after.tags()).as("tags of operationId %s (the Java SDK's API class)", before.operationId())
                        .isEqualTo(before.tags());
            }
        }
        softly.assertThat(contract.schemaNames()).as("schema names (the SDK's type names)")
                .containsAll(released.schemaNames());
        softly.assertAll();
    }

    /**
     * The contract as openapi-diff should judge it: without the problem codes added for a status no
     * operation of the release declared (414 URI_TOO_LONG, say). Such an answer was never part of the
     * contract, so no client can have read one, and the ProblemCode schema tells clients to handle an
     * unknown code by its status. A new code for a status the release declares stays a breaking change.
     */
    @SuppressWarnings("unchecked")
    private static Path withoutProblemCodesForNewStatuses(Release baseline, Path contract) throws IOException {
        Contract releasedContract = Contract.load(baseline.file());
        Set<String> releasedStatuses = new HashSet<>();
        releasedContract.operations().forEach(operation -> releasedStatuses.addAll(operation.statuses()));
        List<Object> releasedCodes = (List<Object>) schemas(releasedContract.tree()).get("ProblemCode").get("enum");

        Map<String, Object> judged = Contract.load(contract).tree();
        Map<String, Object> problemCode = schemas(judged).get("ProblemCode");
        // Each code's status, from the code table in the schema's description.
        Map<String, String> statuses = new HashMap<>();
        Matcher row = CODE_TABLE_ROW.matcher((String) problemCode.get("description"));
        while (row.find()) {
            statuses.put(row.group(1), row.group(2));
        }
        problemCode.put("enum", ((List<Object>) problemCode.get("enum")).stream()
                .filter(code -> releasedCodes.contains(code) || !statuses.containsKey(code)
                        || releasedStatuses.contains(statuses.get(code)))
                .toList());
        Path file = Files.createTempFile("openapi-judged", ".yaml");
        new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .writeValue(file.toFile(), judged);
        return file;
    }

    /** components.schemas of a document read as plain maps. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> schemas(Map<String, Object> document) {
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");
    }

    /** The last release of the current major version. */
    private Release baseline() {
        Optional<Release> baseline = releases().filter(release -> release.version().major() == current.major())
                .max(Comparator.comparing(Release::version));
        assumeThat(baseline).as("no release of major version %s yet: a new major starts its own baseline", current.major())
                .isPresent();
        return baseline.get();
    }

    private static Stream<Release> releases() {
        try (Stream<Path> files = Files.list(RELEASES)) {
            List<Release> releases = files.map(file -> {
                Matcher name = RELEASE.matcher(file.getFileName().toString());
                return name.matches() ? new Release(file, Version.parse(name.group(1) + "." + name.group(2) + "." + name.group(3))) : null;
            }).filter(java.util.Objects::nonNull).toList();
            assertThat(releases).as("released contracts in %s", RELEASES).isNotEmpty();
            return releases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    record Release(Path file, Version version) {
    }

    record Version(int major, int minor, int patch) implements Comparable<Version> {

        static Version parse(String text) {
            Matcher version = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)").matcher(text);
            assertThat(version.matches()).as("a MAJOR.MINOR.PATCH version: %s", text).isTrue();
            return new Version(Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)),
                    Integer.parseInt(version.group(3)));
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch).compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }
}
