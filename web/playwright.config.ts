/**
 * The browser test of the reference web app (tests/board.spec.ts), run by WebAppBrowserIT during
 * `./mvnw verify` against the packaged service. It drives the machine's Chromium (Debian's
 * /usr/bin/chromium, or ACCORDS_CHROMIUM); Playwright never downloads a browser here.
 *
 * Environment: ACCORDS_WEB_URL (where web/dist is served), ACCORDS_API_URL, ACCORDS_TOKEN (a
 * negotiator's bearer token), ACCORDS_AGREEMENT_ID (the example deal), ACCORDS_SCREENSHOTS (the
 * comma-separated files the board's screenshot is written to) and ACCORDS_TEST_OUTPUT (where
 * Playwright keeps traces and failure screenshots; default ../target/web/test-results).
 */
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "tests",
  outputDir: process.env.ACCORDS_TEST_OUTPUT ?? "../target/web/test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    viewport: { width: 1200, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.ACCORDS_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
