package dev.accords.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import dev.accords.contract.Contract;

/**
 * Generates the Java SDK again, with the very settings the build uses (sdk/java/openapi-generator.yaml),
 * and fails when the generator warns about the contract (e.g. "Ignoring complex example on request
 * body", "Multiple MediaTypes found") or names a type or an API class that the contract did not name:
 * a frontend developer should see {@code AgreementsApi.listAgreements} and {@code Agreement}, never
 * {@code Object1}, {@code InlineResponse200} or {@code DefaultApi}.
 */
class JavaSdkGenerationTest {

    @TempDir
    Path output;

    @Test
    void shouldGenerateTheJavaSdkWithoutWarningsAndWithTheContractsOwnNames() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getLoggerName() + ": " + formatted(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger generatorLog = Logger.getLogger("org.openapitools");
        generatorLog.addHandler(capture);
        List<File> files;
        try {
            CodegenConfigurator configurator = CodegenConfigurator.fromFile("sdk/java/openapi-generator.yaml");
            configurator.setInputSpec(Contract.PATH.toString());
            configurator.setOutputDir(output.toString());
            configurator.setValidateSpec(true);
            configurator.addGlobalProperty("apiTests", "false");
            configurator.addGlobalProperty("modelTests", "false");
            configurator.addGlobalProperty("apiDocs", "false");
            configurator.addGlobalProperty("modelDocs", "false");
            files = new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
        } finally {
            generatorLog.removeHandler(capture);
        }

        assertThat(warnings).as("the generator's warnings about openapi.yaml").isEmpty();

        Contract contract = Contract.load();
        Set<String> apis = classesIn(files, "dev/accords/client/api/");
        Set<String> models = classesIn(files, "dev/accords/client/model/");
        assertThat(apis).as("one API class per tag").isEqualTo(contract.tags().stream()
                .map(tag -> tag + "Api").collect(Collectors.toCollection(TreeSet::new)));
        Set<String> named = new TreeSet<>(contract.schemaNames());
        named.removeAll(contract.primitiveSchemaNames()); // Tag, Topic: plain strings in Java
        named.add("AbstractOpenApiSchema"); // the native library's base class for oneOf/anyOf, always generated
        assertThat(models).as("one model per named schema, and nothing the generator had to name itself")
                .isEqualTo(named);
        assertThat(innerEnums(files)).as("enums the generator named itself (an inline enum: name it in the contract)")
                .isEmpty();
    }

    /** {@code Event.TargetTypeEnum} and the like: what an inline enum in a schema becomes. */
    private static List<String> innerEnums(List<File> files) {
        Pattern declaration = Pattern.compile("^\\s+public enum (\\w+)", Pattern.MULTILINE);
        List<String> inner = new java.util.ArrayList<>();
        for (File file : files) {
            if (!file.getName().endsWith(".java") || !file.getPath().replace(File.separatorChar, '/').contains("/model/")) {
                continue;
            }
            try {
                Matcher matcher = declaration.matcher(Files.readString(file.toPath()));
                while (matcher.find()) {
                    inner.add(file.getName().replace(".java", "") + "." + matcher.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inner;
    }

    private static Set<String> classesIn(List<File> files, String packagePath) {
        return files.stream().map(file -> file.toPath().toString().replace(File.separatorChar, '/'))
                .filter(path -> path.contains(packagePath) && path.endsWith(".java"))
                .map(path -> path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String formatted(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (Object parameter : parameters) {
                message = message.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(String.valueOf(parameter)));
            }
        }
        return message;
    }
}
