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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.BackwardIncompatibleProp;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * No silent breaking change: openapi.yaml must stay backward compatible with the last released
 * contract of its major version, kept as src/test/resources/contract/openapi-v&lt;version&gt;.yaml
 * (docs/CONTRACT.md says how to release one).
 *
 * <p>Two checks. openapi-diff compares what goes over the wire (removed operations, parameters,
 * response fields, narrower requests, wider responses, ...), with its default rules but one: a
 * response enum may gain values, because clients must handle a value they do not know and the SDKs
 * are generated to (docs/CONTRACT.md). And because frontends generate SDKs from the contract, the
 * names in those SDKs must stay too: every released operationId with its path, method and tag (the
 * Java API class), and every released schema name (the SDK's types).
 */
class BreakingChangeTest {

    static final Path RELEASES = Path.of("src/test/resources/contract");
    private static final Pattern RELEASE = Pattern.compile("openapi-v(\\d+)\\.(\\d+)\\.(\\d+)\\.yaml");
    /** How the Java SDK is generated, by the build and by JavaSdkGenerationTest. */
    private static final Path JAVA_SDK_CONFIG = Path.of("sdk/java/openapi-generator.yaml");
    /**
     * openapi-diff's default rules, but a new value in a response enum is compatible: within a major
     * version a response enum may gain values (docs/CONTRACT.md). Sound only while the SDKs read a
     * value they do not know, which {@link #shouldGenerateSdksThatTolerateAnUnknownEnumValue} guards.
     */
    private static final OpenApiDiffOptions RULES = OpenApiDiffOptions.builder()
            .configProperty(BackwardIncompatibleProp.RESPONSE_ENUM_INCREASED.getPropertyName(), "false")
            .build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Contract contract = Contract.load();
    private final Version current = Version.parse(contract.version());

    @Test
    void shouldNotGoBehindTheLastRelease() {
        Release last = releases().max(Comparator.comparing(Release::version)).orElseThrow();
        assertThat(current).as("info.version of openapi.yaml vs the last release, %s", last.file())
                .isGreaterThanOrEqualTo(last.version());
    }

    @Test
    void shouldNotBreakTheLastReleaseOfItsMajorVersionOnTheWire() {
        Release baseline = baseline();

        ChangedOpenApi diff = diff(baseline.file(), Contract.PATH);

        assertThat(diff.isIncompatible())
                .as("openapi.yaml breaks %s; if that is intended it needs a new major version (docs/CONTRACT.md):%n%s",
                        baseline.file(), markdown(diff))
                .isFalse();
    }

    /** The check itself must notice a breaking change: a response field removed from Agreement. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldNoticeARemovedResponseField() {
        ChangedOpenApi diff = diffWith(contract -> {
            Map<String, Object> agreement = schemas(contract).get("Agreement");
            ((Map<String, Object>) agreement.get("properties")).remove("summary");
            ((List<Object>) agreement.get("required")).remove("summary");
            ((Map<String, Object>) agreement.get("example")).remove("summary");
        });

        assertThat(diff.isIncompatible()).as("removing Agreement.summary from responses is breaking").isTrue();
    }

    /**
     * A response enum may gain values: a new problem code (for any status, one the release answers
     * included), or a new agreement status, which requests take too.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldAcceptANewValueInAResponseEnum() {
        Path withANewCode = changed(contract -> {
            Map<String, Object> problemCode = schemas(contract).get("ProblemCode");
            ((List<Object>) problemCode.get("enum")).add("NEW_CODE");
            problemCode.put("description", problemCode.get("description") + "| `NEW_CODE` | 409 | New | New. |\n");
        });
        ChangedOpenApi newCode = diff(baseline().file(), withANewCode);
        ChangedOpenApi newStatus = diffWith(contract ->
                ((List<Object>) schemas(contract).get("AgreementStatus").get("enum")).add("IN_FORCE"));

        assertThat(newCode.isIncompatible()).as("a new problem code for 409:%n%s", markdown(newCode)).isFalse();
        assertThat(newStatus.isIncompatible()).as("a new agreement status:%n%s", markdown(newStatus)).isFalse();
        assertThat(OpenApiCompare.fromLocations(baseline().file().toString(), withANewCode.toString()).isIncompatible())
                .as("a new problem code by openapi-diff's default rules (else this test proves nothing)").isTrue();
    }

    /**
     * The rule for response enums leaves requests alone: a value a released client may send must stay,
     * in a request body (InitialAgreementStatus of AgreementCreate) as in a query parameter (sort).
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldStillRefuseARemovedValueOfAnEnumThatRequestsTake() {
        ChangedOpenApi bodyEnum = diffWith(contract ->
                ((List<Object>) schemas(contract).get("InitialAgreementStatus").get("enum")).remove("NEGOTIATING"));
        ChangedOpenApi queryEnum = diffWith(contract -> {
            Map<String, Object> sort = schemas(contract).get("AgreementSort");
            int index = ((List<Object>) sort.get("enum")).indexOf("-updatedAt");
            ((List<Object>) sort.get("enum")).remove(index);
            ((List<Object>) sort.get("x-enum-varnames")).remove(index);
        });

        assertThat(bodyEnum.isIncompatible()).as("InitialAgreementStatus without NEGOTIATING (a request body's)")
                .isTrue();
        assertThat(queryEnum.isIncompatible()).as("AgreementSort without -updatedAt (a query parameter's)").isTrue();
    }

    /**
     * The rule above is only sound while the SDKs read a response enum value they do not know. The
     * TypeScript SDK's enums are string unions, not checked at runtime; the Java SDK's are Java enums,
     * which need enumUnknownDefaultCase to decode an unknown value (to UNKNOWN_DEFAULT_OPEN_API)
     * instead of failing. ReleasedSdkToleranceTest shows it against the running service.
     */
    @Test
    void shouldGenerateSdksThatTolerateAnUnknownEnumValue() throws IOException {
        var config = YAML.readTree(JAVA_SDK_CONFIG.toFile());

        assertThat(config.path("additionalProperties").path("enumUnknownDefaultCase").asText())
                .as("additionalProperties.enumUnknownDefaultCase in %s: BreakingChangeTest lets response enums gain"
                        + " values only because the Java SDK reads a value it does not know", JAVA_SDK_CONFIG)
                .isEqualTo("true");
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

    /** openapi-diff's verdict on the change from one document to another, by this project's rules. */
    private static ChangedOpenApi diff(Path from, Path to) {
        return OpenApiCompare.fromLocations(from.toString(), to.toString(), null, RULES);
    }

    /** The verdict on openapi.yaml with a change, compared with the baseline. */
    private ChangedOpenApi diffWith(Consumer<Map<String, Object>> change) {
        return diff(baseline().file(), changed(change));
    }

    /** A temporary copy of openapi.yaml with a change. */
    private static Path changed(Consumer<Map<String, Object>> change) {
        Map<String, Object> document = Contract.load().tree();
        change.accept(document);
        try {
            Path file = Files.createTempFile("openapi-changed", ".yaml");
            YAML.writeValue(file.toFile(), document);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
