/** Screen (a): the agreements, newest change first, each a link to its board. */
import type { AccordsClient, Agreement } from "@accords/sdk";
import { fill, h } from "./dom.js";
import { describeFailure, describeProblem } from "./problems.js";

const MAX_PAGES = 10;

export async function showAgreements(main: HTMLElement, accords: AccordsClient): Promise<void> {
  fill(main, h("p", { class: "muted", testid: "loading" }, "Loading agreements…"));
  const agreements: Agreement[] = [];
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data, error, response } = await accords.listAgreements({
        params: { query: { sort: "-updatedAt", limit: 100, ...(cursor ? { cursor } : {}) } },
      });
      if (error || !data) {
        fill(main, h("p", { class: "problem", testid: "problem" }, describeProblem(error, response.status)));
        return;
      }
      agreements.push(...data.items);
      if (!data.nextCursor) break;
      cursor = data.nextCursor;
    }
  } catch (failure) {
    fill(main, h("p", { class: "problem", testid: "problem" }, describeFailure(failure)));
    return;
  }

  const rows = agreements.map((agreement) =>
    h(
      "tr",
      { testid: `agreement-${agreement.id}` },
      h("td", {}, h("a", { attrs: { href: `?agreement=${encodeURIComponent(agreement.id)}` } }, agreement.title)),
      h("td", {}, h("span", { class: `status status-${agreement.status}` }, agreement.status)),
      h("td", {}, agreement.parties.map((party) => party.code).join(" · ")),
      h("td", { class: "muted" }, agreement.plannedSigningDate ?? "—"),
      h("td", { class: "muted" }, new Date(agreement.updatedAt).toLocaleString()),
    ),
  );
  fill(
    main,
    h("h1", {}, "Agreements"),
    agreements.length === 0
      ? h("p", { class: "muted", testid: "no-agreements" }, "No agreement yet.")
      : h(
          "table",
          { class: "agreements", testid: "agreement-list" },
          h(
            "thead",
            {},
            h("tr", {}, h("th", {}, "Title"), h("th", {}, "Status"), h("th", {}, "Parties"), h("th", {}, "Signing"), h("th", {}, "Last change")),
          ),
          h("tbody", {}, ...rows),
        ),
  );
}
