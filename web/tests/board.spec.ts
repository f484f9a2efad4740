/**
 * The example deal's negotiation board in a real browser, against the packaged service (see
 * playwright.config.ts for the environment). The page and the API are on different origins, so
 * every call the page makes goes through CORS. Changes "made by someone else" are plain requests
 * from Node (Playwright's `request`), never through the page.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const API = required("ACCORDS_API_URL").replace(/\/+$/, "");
const WEB = required("ACCORDS_WEB_URL").replace(/\/+$/, "");
const TOKEN = required("ACCORDS_TOKEN");
const AGREEMENT_ID = required("ACCORDS_AGREEMENT_ID");
const SCREENSHOTS = (process.env.ACCORDS_SCREENSHOTS ?? "").split(",").filter((path) => path.trim() !== "");
const TITLE = "US–Ukraine Natural Resources and Reconstruction Agreement";

interface Clause {
  id: string;
  reference: string;
  version: number;
  positions: { partyCode: string; stance: string; note: string | null }[];
}

test("the example deal's board: awaited parties, live changes, a stance set, a stale ETag refused", async ({ page, request }) => {
  const clauses = await clausesByReference(request);
  const clause4 = clauses.get("4")!;
  const clause5 = clauses.get("5")!;

  await test.step("the list of agreements leads to the example deal's board", async () => {
    await page.goto(`${WEB}/#api=${encodeURIComponent(API)}&token=${encodeURIComponent(TOKEN)}`);
    expect(new URL(page.url()).hash, "the token is taken out of the address bar").toBe("");
    const row = page.getByTestId(`agreement-${AGREEMENT_ID}`);
    await expect(row).toContainText(TITLE);
    await expect(row).toContainText("NEGOTIATING");
    await row.getByRole("link", { name: TITLE }).click();
    await expect(page).toHaveURL(`${WEB}/?agreement=${AGREEMENT_ID}`);
  });

  await test.step("the board shows clauses 4 and 5 awaiting US, not signable", async () => {
    await expect(page.getByTestId("agreement-title")).toHaveText(TITLE);
    await expect(page.getByTestId("signable")).toHaveAttribute("data-signable", "false");
    await expect(page.getByTestId("signable")).toHaveText("✖ Not signable");
    await expect(page.getByTestId("open-totals")).toHaveText("2 open · 1 blocking · 1 deferred");
    for (const reference of ["4", "5"]) {
      await expect(page.getByTestId(`awaiting-${reference}`).locator(".chip")).toHaveText(["US"]);
      await expect(page.getByTestId(`awaiting-${reference}-US`)).toHaveClass(/awaited/);
    }
    await expect(page.getByTestId("column-AGREED").locator("article")).toHaveCount(2);
    await expect(page.getByTestId("stance-4-US")).toHaveAttribute("data-stance", "NO_POSITION");
    await expect(page.getByTestId("stance-4-UA")).toHaveAttribute("data-stance", "ACCEPTS");
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-state", "live");
    await page.evaluate(() => document.fonts.ready);
    for (const path of SCREENSHOTS) {
      await page.screenshot({ path: path.trim(), animations: "disabled" });
    }
    await markPage(page);
  });

  await test.step("a change made through the API shows without a reload", async () => {
    await setPosition(request, clause5, "US", { stance: "RESERVES", note: "Guarantees need Congress" });
    await expect(page.getByTestId("stance-5-US")).toHaveAttribute("data-stance", "RESERVES");
    await expect(page.getByTestId("event").first()).toContainText("CLAUSE_POSITION_CHANGED");
    await expect(page.getByTestId("awaiting-5").locator(".chip")).toHaveText(["US"]);
    await expectSamePage(page);
  });

  await test.step("how long a change takes from the API to the page (measured, not asserted)", async () => {
    // The page notes when its board changes (a chip re-rendered or replaced); Node and the browser
    // share the machine's clock.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { accordsSeen: number[] }).accordsSeen = seen;
      new MutationObserver(() => seen.push(Date.now())).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ["data-stance"],
      });
    });
    const fromRequest: number[] = [];
    const fromAnswer: number[] = [];
    for (let round = 0; round < 10; round++) {
      const seenBefore = await page.evaluate(() => (window as unknown as { accordsSeen: number[] }).accordsSeen.length);
      const sent = Date.now();
      await setPosition(request, clause5, "US", { stance: round % 2 === 0 ? "REJECTS" : "RESERVES", note: null });
      const answered = Date.now();
      await page.waitForFunction((count) => (window as unknown as { accordsSeen: number[] }).accordsSeen.length > count,
        seenBefore, { polling: "raf" });
      const shown = await page.evaluate((count) => (window as unknown as { accordsSeen: number[] }).accordsSeen[count] ?? NaN,
        seenBefore);
      fromRequest.push(shown - sent);
      fromAnswer.push(shown - answered);
    }
    await expect(page.getByTestId("stance-5-US")).toHaveAttribute("data-stance", "RESERVES");
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(`stream latency to the page, 10 changes: from the write's request median ${median(fromRequest)} ms, ` +
      `max ${Math.max(...fromRequest)} ms; from its 200 (after the commit) median ${median(fromAnswer)} ms, ` +
      `max ${Math.max(...fromAnswer)} ms`);
  });

  await test.step("a stance set through the UI", async () => {
    await page.getByTestId("edit-stance-4").click();
    const editor = page.getByTestId("stance-editor");
    await editor.getByTestId("editor-party").selectOption("US");
    await editor.getByTestId("editor-stance").selectOption("ACCEPTS");
    await editor.getByTestId("editor-save").click();
    await expect(editor.getByTestId("editor-message")).toHaveAttribute("data-kind", "ok");
    await expect(page.getByTestId("stance-4-US")).toHaveAttribute("data-stance", "ACCEPTS");
    await expect(page.getByTestId("awaiting-4-US")).toHaveCount(0);
    expect(stanceOf(await getClause(request, clause4.id), "US")).toBe("ACCEPTS");
    await editor.getByTestId("editor-cancel").click();
    await expectSamePage(page);
  });

  await test.step("a stance saved on a stale ETag is refused with 412 and the clause's new state", async () => {
    await page.getByTestId("edit-stance-5").click();
    const editor = page.getByTestId("stance-editor");
    const opened = await getClause(request, clause5.id);
    await expect(editor.getByTestId("editor-version")).toHaveText(`based on version ${opened.version}`);
    await editor.getByTestId("editor-party").selectOption("US");
    await editor.getByTestId("editor-stance").selectOption("ACCEPTS");

    // Meanwhile someone else changes the clause; the board follows, the open editor keeps its version.
    const changed = await setPosition(request, clause5, "UA", { stance: "ACCEPTS", note: "Ukraine insists on a backstop" });
    expect(changed.version).toBeGreaterThan(opened.version);
    await expect(page.getByTestId("clause-5")).toHaveAttribute("data-version", String(changed.version));

    await editor.getByTestId("editor-save").click();
    await expect(editor.getByTestId("editor-message")).toContainText("This clause changed meanwhile");
    await expect(editor.getByTestId("editor-message")).toHaveAttribute("data-kind", "conflict");
    await expect(editor.getByTestId("editor-current")).toContainText(`version ${changed.version}`);
    await expect(editor.getByTestId("stance-current-5-UA")).toHaveAttribute("title", "Ukraine insists on a backstop");
    await expect(editor.getByTestId("editor-version")).toHaveText(`based on version ${changed.version}`);
    await page.screenshot({ path: test.info().outputPath("stale-etag.png") });
    expect(stanceOf(await getClause(request, clause5.id), "US"), "nothing was saved").toBe("RESERVES");
    await expect(page.getByTestId("stance-5-US")).toHaveAttribute("data-stance", "RESERVES");

    // Saved again on the new state, it goes through.
    await editor.getByTestId("editor-save").click();
    await expect(editor.getByTestId("editor-message")).toHaveAttribute("data-kind", "ok");
    await expect(page.getByTestId("stance-5-US")).toHaveAttribute("data-stance", "ACCEPTS");
    await expect(page.getByTestId("awaiting-5-US")).toHaveCount(0);
    await expectSamePage(page);
  });
});

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this test is run by WebAppBrowserIT (./mvnw verify)`);
  return value;
}

function authorization(): Record<string, string> {
  return { Authorization: `Bearer ${TOKEN}` };
}

async function clausesByReference(request: APIRequestContext): Promise<Map<string, Clause>> {
  const response = await request.get(`${API}/v1/agreements/${AGREEMENT_ID}/clauses?limit=100`, { headers: authorization() });
  expect(response.status(), await response.text()).toBe(200);
  const page = (await response.json()) as { items: Clause[] };
  return new Map(page.items.map((clause) => [clause.reference, clause]));
}

async function getClause(request: APIRequestContext, clauseId: string): Promise<Clause> {
  const response = await request.get(`${API}/v1/agreements/${AGREEMENT_ID}/clauses/${clauseId}`, { headers: authorization() });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Clause;
}

async function setPosition(
  request: APIRequestContext,
  clause: Clause,
  partyCode: string,
  position: { stance: string; note: string | null },
): Promise<Clause> {
  const response = await request.put(`${API}/v1/agreements/${AGREEMENT_ID}/clauses/${clause.id}/positions/${partyCode}`, {
    headers: authorization(),
    data: position,
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Clause;
}

function stanceOf(clause: Clause, partyCode: string): string | undefined {
  return clause.positions.find((position) => position.partyCode === partyCode)?.stance;
}

/** Marks the loaded document, so a reload (which would lose the mark) is noticed. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { accordsTestMark: boolean }).accordsTestMark = true;
  });
}

async function expectSamePage(page: Page): Promise<void> {
  const marked = await page.evaluate(() => (window as unknown as { accordsTestMark?: boolean }).accordsTestMark === true);
  expect(marked, "the page was not reloaded").toBe(true);
}
