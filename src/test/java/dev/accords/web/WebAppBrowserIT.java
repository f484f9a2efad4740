package dev.accords.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.accords.reliability.PackagedAccords;

/**
 * The reference web app (web/) in a real browser against the packaged service (issue 12): the jar
 * runs with the example deal seeded, the built web/dist is served from another origin (another
 * port), so the page's calls go through CORS as they would in production, and Playwright
 * (web/tests/board.spec.ts) drives the machine's Chromium through the example deal's board.
 *
 * <p>Needs what `./mvnw verify` prepares (web/dist and web/node_modules, from the web-install and
 * web-build executions in pom.xml) and Chromium ({@code apt-get install -y chromium}; another
 * binary with {@code ACCORDS_CHROMIUM}). Playwright's output goes to target/web/playwright.log,
 * the board's screenshot to target/web/board.png (docs/images/board.png, shown in the README, is a copy
 * of one, refreshed by hand: a test never writes into the sources).
 */
class WebAppBrowserIT {

    private static final Path WEB = Path.of("web").toAbsolutePath();
    private static final Path DIST = WEB.resolve("dist");
    private static final Path OUTPUT = Path.of("target", "web").toAbsolutePath();
    private static final Path SCREENSHOT = OUTPUT.resolve("board.png");
    private static final String TITLE = "US–Ukraine Natural Resources and Reconstruction Agreement";
    private static final Duration PLAYWRIGHT_TIMEOUT = Duration.ofMinutes(5);
    private static final long MAX_SCREENSHOT_BYTES = 200 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldFollowTheExampleDealsBoardInABrowser() throws Exception {
        assertThat(DIST.resolve("index.html")).as("built by ./mvnw verify (npm run build in web/)").isRegularFile();
        assertThat(WEB.resolve("node_modules/@playwright/test")).as("installed by ./mvnw verify (npm ci in web/)")
                .isDirectory();
        String chromium = chromium();
        Files.createDirectories(OUTPUT);
        Files.deleteIfExists(SCREENSHOT);

        HttpServer web = staticFiles(DIST);
        String webOrigin = "http://127.0.0.1:" + web.getAddress().getPort();
        try (PackagedAccords service = PackagedAccords.start("web-app", Map.of(
                "ACCORDS_SEED_EXAMPLE", "true",
                "ACCORDS_CORS_ORIGINS", webOrigin))) {
            assertThat(service.baseUrl()).as("the page and the API are on different origins").isNotEqualTo(webOrigin);
            // Bound to both parties: the board sets either party's stance and shows both parties' private notes.
            String token = PackagedAccords.partyToken("web-negotiator", java.util.List.of("US", "UA"));
            String agreementId = exampleDeal(service.baseUrl(), token);

            Result playwright = playwright(Map.of(
                    "ACCORDS_API_URL", service.baseUrl(),
                    "ACCORDS_WEB_URL", webOrigin,
                    "ACCORDS_TOKEN", token,
                    "ACCORDS_AGREEMENT_ID", agreementId,
                    "ACCORDS_CHROMIUM", chromium,
                    "ACCORDS_SCREENSHOTS", SCREENSHOT.toString(),
                    "ACCORDS_TEST_OUTPUT", OUTPUT.resolve("test-results").toString()));

            assertThat(playwright.exitCode())
                    .as("npx playwright test failed:\n%s\n--- service log (%s) ---\n%s", playwright.output(), service.log(),
                            service.tail())
                    .isZero();
        } finally {
            web.stop(0);
        }

        assertThat(SCREENSHOT).isRegularFile();
        assertThat(Files.size(SCREENSHOT)).as("the board's screenshot stays small").isLessThan(MAX_SCREENSHOT_BYTES);
    }

    /**
     * web/dist served as static files on 127.0.0.1 and a port of its own, as any static host would
     * (the JDK's SimpleFileServer needs Java 18; the code targets 17).
     */
    private static HttpServer staticFiles(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            try {
                serve(root, exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static void serve(Path root, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Path file = root.resolve(path.substring(1)).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(root) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] body = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            default -> "application/octet-stream";
        };
    }

    /** The id of the example deal the jar seeded at startup (waited for, bounded). */
    private String exampleDeal(String baseUrl, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/agreements?limit=100"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                for (JsonNode agreement : json.readTree(response.body()).path("items")) {
                    if (TITLE.equals(agreement.path("title").asText())) {
                        return agreement.path("id").asText();
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the example deal was not seeded (ACCORDS_SEED_EXAMPLE=true); last answer: " + last);
    }

    /** Runs {@code npx playwright test} in web/ with these settings; its output goes to target/web/playwright.log. */
    private static Result playwright(Map<String, String> settings) throws IOException, InterruptedException {
        Path log = OUTPUT.resolve("playwright.log");
        ProcessBuilder builder = new ProcessBuilder("npx", "--no-install", "playwright", "test")
                .directory(WEB.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("ACCORDS_"));
        environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        environment.put("NO_UPDATE_NOTIFIER", "1");
        environment.put("NO_COLOR", "1");
        environment.putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(PLAYWRIGHT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return new Result(-1, "timed out after " + PLAYWRIGHT_TIMEOUT + "\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /** ACCORDS_CHROMIUM, else chromium (or chromium-browser) on the PATH, as Debian installs it. */
    private static String chromium() {
        Optional<String> configured = Optional.ofNullable(System.getenv("ACCORDS_CHROMIUM")).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            return configured.get();
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(directory -> List.of("chromium", "chromium-browser").stream().map(name -> Path.of(directory, name)))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "Chromium is missing: apt-get install -y chromium (or set ACCORDS_CHROMIUM to a Chromium binary)"));
    }

    private record Result(int exitCode, String output) {
    }
}
