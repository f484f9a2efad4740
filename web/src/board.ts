/**
 * Screen (b): one agreement's negotiation board. The clauses grouped by status with each party's
 * stance as a chip; the open-clauses report with the awaited parties highlighted; whether the
 * agreement is signable; and a stance editor that sends the clause's version as `If-Match`.
 *
 * Screen (c): the board follows the agreement's live events (the SDK's `streamEvents`) and refreshes
 * what each event touched. The stance editor keeps the version it was opened on, so a change made
 * meanwhile by someone else makes its save answer 412: the editor then says so and shows the
 * clause's new state.
 */
import {
  clauseStatusValues,
  stanceValues,
  streamEvents,
  type AccordsClient,
  type Agreement,
  type AgreementOpenClausesReport,
  type Clause,
  type ClauseStatus,
  type FeedEvent,
  type Stance,
} from "@accords/sdk";
import type { Config } from "./config.js";
import { fill, h } from "./dom.js";
import { describeFailure, describeProblem } from "./problems.js";

export const CHANGED_MEANWHILE = "This clause changed meanwhile";
const MAX_CLAUSE_PAGES = 50;
const EVENTS_SHOWN = 6;
const READ_ONLY: ReadonlyArray<Agreement["status"]> = ["FINALIZED", "SIGNED", "IN_FORCE", "WITHDRAWN"];

type Live = { state: "connecting" | "live" | "reconnecting" | "stopped"; detail: string };

interface Board {
  agreement: Agreement;
  clauses: Map<string, Clause>;
  report: AgreementOpenClausesReport;
  events: FeedEvent[];
  live: Live;
}

/** The stance editor's own state: the clause and version it was opened on. */
interface Editor {
  clauseId: string;
  baseVersion: number;
  element: HTMLElement;
}

class BoardView {
  private board: Board | undefined;
  private editor: Editor | undefined;
  private readonly headerSlot = h("section", { class: "board-header" });
  private readonly columnsSlot = h("section", { class: "columns", testid: "board" });
  private readonly editorSlot = h("div", { class: "editor-slot" });
  private readonly reportSlot = h("section", { class: "report", testid: "open-clauses" });
  private readonly eventsSlot = h("section", { class: "events", testid: "event-log" });
  private pending = { full: false, agreement: false, report: false, clauses: new Set<string>() };
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Refreshes run one after another, so an older answer never overwrites a newer one. */
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly main: HTMLElement,
    private readonly accords: AccordsClient,
    private readonly config: Config,
    private readonly agreementId: string,
  ) {}

  async start(): Promise<void> {
    fill(this.main, h("p", { class: "muted", testid: "loading" }, "Loading the board…"));
    const loaded = await this.load();
    if (typeof loaded === "string") {
      fill(this.main, h("p", { class: "problem", testid: "problem" }, loaded), h("p", {}, h("a", { attrs: { href: "./" } }, "All agreements")));
      return;
    }
    this.board = { ...loaded, events: [], live: { state: "connecting", detail: "connecting…" } };
    fill(
      this.main,
      this.headerSlot,
      h("div", { class: "layout" }, this.columnsSlot, h("aside", { class: "sidebar" }, this.editorSlot, this.reportSlot, this.eventsSlot)),
    );
    this.render();
    this.follow();
  }

  /** The agreement, all its clauses and its open-clauses report; a sentence when the service refuses. */
  private async load(): Promise<Omit<Board, "events" | "live"> | string> {
    try {
      const path = { agreementId: this.agreementId };
      const [agreement, report, clauses] = await Promise.all([
        this.accords.getAgreement({ params: { path } }),
        this.accords.getAgreementOpenClauses({ params: { path } }),
        this.loadClauses(),
      ]);
      if (agreement.error || !agreement.data) return describeProblem(agreement.error, agreement.response.status);
      if (report.error || !report.data) return describeProblem(report.error, report.response.status);
      if (typeof clauses === "string") return clauses;
      return { agreement: agreement.data, report: report.data, clauses: new Map(clauses.map((c) => [c.id, c])) };
    } catch (failure) {
      return describeFailure(failure);
    }
  }

  private async loadClauses(): Promise<Clause[] | string> {
    const clauses: Clause[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_CLAUSE_PAGES; page++) {
      const { data, error, response } = await this.accords.listClauses({
        params: { path: { agreementId: this.agreementId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      });
      if (error || !data) return describeProblem(error, response.status);
      clauses.push(...data.items);
      if (!data.nextCursor) break;
      cursor = data.nextCursor;
    }
    return clauses;
  }

  /** Follows the agreement's events; every (re)connection also reloads the board, to miss nothing. */
  private follow(): void {
    const { token } = this.config;
    if (!token) {
      this.setLive({ state: "stopped", detail: "no token: live updates are off" });
      return;
    }
    const stream = streamEvents({
      baseUrl: this.config.apiUrl,
      token,
      agreementId: this.agreementId,
      onOpen: () => {
        this.setLive({ state: "live", detail: "live" });
        this.schedule({ full: true });
      },
      onEvent: (event) => this.onEvent(event),
      onReconnecting: ({ delayMs, cause }) => {
        const why = cause === "ended" ? "the stream ended" : "code" in cause ? `${cause.status} ${cause.code}` : cause.message;
        this.setLive({ state: "reconnecting", detail: `reconnecting in ${Math.ceil(delayMs / 1000)} s (${why})` });
      },
      onProblem: (problem) => this.setLive({ state: "stopped", detail: `live updates stopped: ${describeProblem(problem, problem.status)}` }),
    });
    addEventListener("pagehide", () => stream.close(), { once: true });
  }

  private onEvent(event: FeedEvent): void {
    const board = this.board;
    if (!board) return;
    board.events = [event, ...board.events].slice(0, EVENTS_SHOWN);
    this.renderEvents();
    switch (event.targetType) {
      case "CLAUSE":
        this.schedule({ clause: event.targetId, report: true });
        break;
      case "AGREEMENT":
        this.schedule({ agreement: true, report: true });
        break;
      case "SIGNATORY":
        this.schedule({ report: true });
        break;
    }
  }

  /** Coalesces the refreshes that a burst of events asks for into one round of requests. */
  private schedule(what: { full?: boolean; agreement?: boolean; report?: boolean; clause?: string }): void {
    if (what.full) this.pending.full = true;
    if (what.agreement) this.pending.agreement = true;
    if (what.report) this.pending.report = true;
    if (what.clause) this.pending.clauses.add(what.clause);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, 50);
  }

  private async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = { full: false, agreement: false, report: false, clauses: new Set() };
    const board = this.board;
    if (!board) return;
    try {
      if (pending.full) {
        const loaded = await this.load();
        if (typeof loaded === "string") {
          this.setLive({ ...board.live, detail: `${board.live.detail}; refresh failed: ${loaded}` });
          return;
        }
        Object.assign(board, loaded);
      } else {
        const path = { agreementId: this.agreementId };
        const [agreement, report] = await Promise.all([
          pending.agreement ? this.accords.getAgreement({ params: { path } }) : undefined,
          pending.report ? this.accords.getAgreementOpenClauses({ params: { path } }) : undefined,
          ...[...pending.clauses].map((clauseId) => this.refreshClause(clauseId)),
        ]);
        if (agreement?.data) board.agreement = agreement.data;
        if (report?.data) board.report = report.data;
      }
    } catch (failure) {
      this.setLive({ ...board.live, detail: `${board.live.detail}; refresh failed: ${describeFailure(failure)}` });
      return;
    }
    this.render();
  }

  /** Reloads one clause into the board (or drops it when it is gone); returns it. */
  private async refreshClause(clauseId: string): Promise<Clause | undefined> {
    const { data, response } = await this.accords.getClause({
      params: { path: { agreementId: this.agreementId, clauseId } },
    });
    if (data) this.board?.clauses.set(clauseId, data);
    else if (response.status === 404) this.board?.clauses.delete(clauseId);
    return data;
  }

  private setLive(live: Live): void {
    if (!this.board) return;
    this.board.live = live;
    this.renderHeader();
  }

  private render(): void {
    this.renderHeader();
    this.renderColumns();
    this.renderReport();
    this.renderEvents();
  }

  private renderHeader(): void {
    const board = this.board;
    if (!board) return;
    const { agreement, report, live } = board;
    const signable = report.signable;
    const blocking = report.totals.blocking;
    fill(
      this.headerSlot,
      h(
        "div",
        { class: "title-row" },
        h("h1", { testid: "agreement-title" }, agreement.title),
        h(
          "span",
          {
            class: `signable ${signable ? "yes" : "no"}`,
            testid: "signable",
            attrs: { "data-signable": String(signable) },
            title: "Signable: no blocking clause and at least one signatory",
          },
          signable ? "✔ Signable" : "✖ Not signable",
        ),
      ),
      h(
        "div",
        { class: "meta" },
        h("span", { class: `status status-${agreement.status}`, testid: "agreement-status" }, agreement.status),
        h("span", {}, agreement.parties.map((party) => `${party.code} ${party.name}`).join(" · ")),
        agreement.plannedSigningDate && h("span", { class: "muted" }, `signing ${agreement.plannedSigningDate}${agreement.signingPlace ? `, ${agreement.signingPlace}` : ""}`),
        !signable && h("span", { class: "muted", testid: "signable-reason" }, blocking > 0 ? `${blocking} blocking clause${blocking === 1 ? "" : "s"}` : "no signatory yet"),
        h("span", { class: `live live-${live.state}`, testid: "live-status", attrs: { "data-state": live.state } }, live.detail),
        h("a", { attrs: { href: "./" } }, "All agreements"),
      ),
    );
  }

  private renderColumns(): void {
    const board = this.board;
    if (!board) return;
    const byStatus = new Map<ClauseStatus, Clause[]>();
    for (const clause of board.clauses.values()) {
      byStatus.set(clause.status, [...(byStatus.get(clause.status) ?? []), clause]);
    }
    const columns = clauseStatusValues
      .filter((status) => byStatus.has(status))
      .map((status) => {
        const clauses = (byStatus.get(status) ?? []).sort((a, b) => a.reference.localeCompare(b.reference, undefined, { numeric: true }));
        return h(
          "div",
          { class: `column column-${status}`, testid: `column-${status}` },
          h("h2", {}, status.replace(/_/g, " "), h("span", { class: "count" }, clauses.length)),
          ...clauses.map((clause) => this.card(clause)),
        );
      });
    fill(this.columnsSlot, ...(columns.length > 0 ? columns : [h("p", { class: "muted" }, "No clause yet.")]));
  }

  private card(clause: Clause): HTMLElement {
    const board = this.board!;
    const editable = !READ_ONLY.includes(board.agreement.status);
    const editing = this.editor?.clauseId === clause.id;
    return h(
      "article",
      {
        class: `card priority-${clause.priority}${editing ? " editing" : ""}`,
        testid: `clause-${clause.reference}`,
        attrs: { "data-version": String(clause.version), "data-status": clause.status },
      },
      h("div", { class: "card-head" }, h("span", { class: "ref" }, clause.reference), h("span", { class: `priority` }, clause.priority)),
      h("div", { class: "card-title" }, clause.title),
      clause.statusReason && h("div", { class: "reason muted" }, clause.statusReason),
      h("div", { class: "chips" }, ...clause.positions.map((position) => stanceChip(clause.reference, position.partyCode, position.stance, position.note))),
      h(
        "div",
        { class: "card-foot muted" },
        h("span", {}, [clause.topic, clause.proposedBy && `proposed by ${clause.proposedBy}`, `v${clause.version}`].filter(Boolean).join(" · ")),
        editable &&
          h(
            "button",
            { class: "small", testid: `edit-stance-${clause.reference}`, on: { click: () => this.openEditor(clause) } },
            "Set stance…",
          ),
      ),
    );
  }

  private renderReport(): void {
    const board = this.board;
    if (!board) return;
    const { report } = board;
    const awaited = Object.entries(report.counts.byAwaitedParty).filter(([, count]) => count > 0);
    fill(
      this.reportSlot,
      h("h2", {}, "Open clauses"),
      h(
        "p",
        { class: "totals", testid: "open-totals" },
        `${report.totals.open} open · ${report.totals.blocking} blocking · ${report.totals.deferred} deferred`,
      ),
      awaited.length > 0 &&
        h("p", { class: "awaited-summary" }, "Waiting for ", ...awaited.map(([party, count]) => h("span", { class: "chip awaited", testid: `awaited-party-${party}` }, `${party} ${count}`))),
      report.openClauses.length === 0
        ? h("p", { class: "muted", testid: "no-open-clauses" }, "Nothing is open.")
        : h(
            "ol",
            { class: "open-list" },
            ...report.openClauses.map((open) =>
              h(
                "li",
                { testid: `open-clause-${open.reference}`, attrs: { "data-blocking": String(open.blocking) } },
                h(
                  "div",
                  { class: "open-head" },
                  h("span", { class: "ref" }, open.reference),
                  h("span", { class: "open-title" }, open.title),
                ),
                h(
                  "div",
                  { class: "open-meta" },
                  h("span", { class: `status status-${open.status}` }, open.status),
                  h("span", { class: "priority" }, open.priority),
                  open.blocking ? h("span", { class: "blocking" }, "blocking") : h("span", { class: "muted" }, "not blocking"),
                  h("span", { class: "muted" }, `open ${open.daysOpen} d`),
                ),
                h(
                  "div",
                  { class: "awaiting", testid: `awaiting-${open.reference}` },
                  h("span", { class: "muted" }, open.awaiting.length === 0 ? "awaiting nobody" : "awaiting"),
                  ...open.awaiting.map((party) => h("span", { class: "chip awaited", testid: `awaiting-${open.reference}-${party}` }, party)),
                ),
              ),
            ),
          ),
    );
  }

  private renderEvents(): void {
    const board = this.board;
    if (!board) return;
    fill(
      this.eventsSlot,
      h("h2", {}, "Live events"),
      board.events.length === 0
        ? h("p", { class: "muted" }, "None since the page opened.")
        : h(
            "ul",
            {},
            ...board.events.map((event) =>
              h(
                "li",
                { testid: "event" },
                h("span", { class: "kind" }, event.kind),
                " ",
                h("span", { class: "muted" }, `by ${event.actor}, ${new Date(event.occurredAt).toLocaleTimeString()}`),
              ),
            ),
          ),
    );
  }

  /** Opens the stance editor on a clause at its current version: it keeps that version until saved. */
  private openEditor(clause: Clause): void {
    const board = this.board!;
    const party = h(
      "select",
      { testid: "editor-party" },
      ...board.agreement.parties.map((p) => h("option", { attrs: { value: p.code } }, `${p.code} ${p.name}`)),
    );
    const stance = h("select", { testid: "editor-stance" }, ...stanceValues.map((s) => h("option", { attrs: { value: s } }, s)));
    const note = h("textarea", { testid: "editor-note", attrs: { rows: "2", maxlength: "2000", placeholder: "note (optional)" } });
    const version = h("span", { class: "muted", testid: "editor-version" });
    const message = h("div", { class: "message", testid: "editor-message", attrs: { role: "status" } });
    const current = h("div", { class: "current", testid: "editor-current" });
    const save = h("button", { testid: "editor-save", attrs: { type: "submit" } }, "Save");
    const syncStance = () => {
      const position = this.board?.clauses.get(clause.id)?.positions.find((p) => p.partyCode === party.value);
      stance.value = position?.stance ?? "NO_POSITION";
      note.value = position?.note ?? "";
    };
    party.addEventListener("change", syncStance);
    const form = h(
      "form",
      {
        class: "editor",
        testid: "stance-editor",
        on: {
          submit: (event) => {
            event.preventDefault();
            void this.saveStance(party.value, stance.value as Stance, note.value, { save, message, current, version });
          },
        },
      },
      h("h2", {}, `Set a stance on clause ${clause.reference}`),
      h("div", { class: "muted" }, clause.title),
      h("label", {}, "Party ", party),
      h("label", {}, "Stance ", stance),
      note,
      h("div", { class: "editor-actions" }, save, h("button", { class: "secondary", testid: "editor-cancel", attrs: { type: "button" }, on: { click: () => this.closeEditor() } }, "Close"), version),
      message,
      current,
    );
    this.editor = { clauseId: clause.id, baseVersion: clause.version, element: form };
    version.textContent = `based on version ${clause.version}`;
    syncStance();
    fill(this.editorSlot, form);
    this.renderColumns();
  }

  private closeEditor(): void {
    this.editor = undefined;
    fill(this.editorSlot);
    this.renderColumns();
  }

  /** PUT the position with `If-Match: "<version the editor was opened on>"`. */
  private async saveStance(
    partyCode: string,
    stance: Stance,
    note: string,
    ui: { save: HTMLButtonElement; message: HTMLElement; current: HTMLElement; version: HTMLElement },
  ): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    ui.save.disabled = true;
    setMessage(ui.message, "info", "Saving…");
    try {
      const { data, error, response } = await this.accords.setClausePosition({
        params: {
          path: { agreementId: this.agreementId, clauseId: editor.clauseId, partyCode },
          header: { "If-Match": `"${editor.baseVersion}"` },
        },
        body: { stance, note: note.trim() === "" ? null : note.trim() },
      });
      if (data) {
        this.board?.clauses.set(data.id, data);
        editor.baseVersion = data.version;
        ui.version.textContent = `based on version ${data.version}`;
        setMessage(ui.message, "ok", `Saved: ${partyCode} ${stance} (version ${data.version})`);
        fill(ui.current);
        this.renderColumns();
        this.schedule({ report: true });
      } else if (response.status === 412) {
        // Someone changed the clause since the editor opened: show what it is now, and base the next save on it.
        const now = await this.refreshClause(editor.clauseId);
        setMessage(ui.message, "conflict", `${CHANGED_MEANWHILE}. Nothing was saved: check its new state, then save again.`);
        if (now) {
          editor.baseVersion = now.version;
          ui.version.textContent = `based on version ${now.version}`;
          fill(
            ui.current,
            h("div", { class: "muted" }, `Now at version ${now.version}, ${now.status}${now.statusReason ? ` (${now.statusReason})` : ""}:`),
            h("div", { class: "chips" }, ...now.positions.map((p) => stanceChip(`current-${now.reference}`, p.partyCode, p.stance, p.note))),
          );
        }
        this.renderColumns();
        this.schedule({ report: true });
      } else {
        setMessage(ui.message, "error", describeProblem(error, response.status));
      }
    } catch (failure) {
      setMessage(ui.message, "error", describeFailure(failure));
    } finally {
      ui.save.disabled = false;
    }
  }
}

function stanceChip(reference: string, partyCode: string, stance: Stance, note: string | null): HTMLElement {
  return h(
    "span",
    {
      class: `chip stance-${stance}`,
      testid: `stance-${reference}-${partyCode}`,
      attrs: { "data-stance": stance },
      ...(note ? { title: note } : {}),
    },
    h("b", {}, partyCode),
    " ",
    stance.replace(/_/g, " "),
  );
}

function setMessage(element: HTMLElement, kind: "info" | "ok" | "conflict" | "error", text: string): void {
  element.className = `message message-${kind}`;
  element.dataset.kind = kind;
  element.textContent = text;
}

export function showBoard(main: HTMLElement, accords: AccordsClient, config: Config, agreementId: string): void {
  void new BoardView(main, accords, config, agreementId).start();
}
