/**
 * `streamEvents`: follows the live change feed (`GET /v1/events/stream`, or one agreement's
 * `GET /v1/agreements/{agreementId}/events/stream`) with fetch and a ReadableStream, since a browser's
 * EventSource cannot send the bearer token. The Server-Sent Events are parsed by eventsource-parser;
 * each event's `data` arrives as a typed `FeedEvent`.
 *
 * The stream remembers the id of the last event it delivered and, when the connection drops or the
 * service ends it (a stopping instance does), reconnects on its own with `Last-Event-ID`, so no event
 * is lost or delivered twice. Reconnections back off (1 s, 2 s, 4 s ... up to 30 s, with jitter, or
 * the service's `Retry-After`). A problem that retrying cannot cure (400, 401, 403, 404, 406, ...)
 * ends the stream: `onProblem` gets the typed `Problem` and `done` resolves with it.
 */
import { createParser } from "eventsource-parser";
import type { EventKind, FeedEvent, Problem } from "./generated/schema.js";

export interface StreamEventsOptions {
  /** The service's root URL, e.g. `http://localhost:8080`. */
  baseUrl: string;
  /** The bearer token, or a function asked for one at every (re)connection, e.g. to refresh it. */
  token: string | (() => string | Promise<string>);
  /** Only this agreement's events (`/v1/agreements/{agreementId}/events/stream`; 404 if it does not exist). */
  agreementId?: string;
  /** Only events of this kind. */
  kind?: EventKind;
  /** Start right after this feed cursor (an event's `cursor`); without it, with the events committed from now on. */
  lastEventId?: string;
  /** Called with each event, in feed order. */
  onEvent: (event: FeedEvent) => void;
  /** Called each time the stream is open (first connection and every reconnection). */
  onOpen?: () => void;
  /**
   * Called when the connection is lost and a reconnection is planned in `delayMs`: `cause` is the
   * problem the service answered (500, 503, ...), the network error, or `"ended"` when the service
   * closed the stream.
   */
  onReconnecting?: (info: { attempt: number; delayMs: number; cause: Problem | Error | "ended" }) => void;
  /** Called once with the problem that ended the stream (no reconnection follows). */
  onProblem?: (problem: Problem) => void;
  /** Stops the stream when aborted, like `close()`. */
  signal?: AbortSignal;
  /** Backoff between reconnections, in ms: the first delay (default 1000) and the largest (default 30000). */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/** Why a stream ended: closed by the caller, or refused with a problem that retrying cannot cure. */
export type StreamEnd = { reason: "closed" } | { reason: "problem"; problem: Problem };

export interface EventStream {
  /** Stops the stream; no callback is called afterwards. */
  close(): void;
  /** The `cursor` of the last event delivered: pass it as `lastEventId` to resume later. */
  readonly lastEventId: string | undefined;
  /** Resolves once the stream has ended for good. */
  readonly done: Promise<StreamEnd>;
}

/** Statuses worth retrying: the service may answer differently later. Any other 4xx ends the stream. */
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/** Opens the stream and keeps it open until `close()`, the signal, or a problem that retrying cannot cure. */
export function streamEvents(options: StreamEventsOptions): EventStream {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener("abort", abort, { once: true });
  const state: { lastEventId: string | undefined } = { lastEventId: options.lastEventId };

  const done = run(options, controller.signal, state).finally(() =>
    options.signal?.removeEventListener("abort", abort),
  );
  return {
    close: abort,
    get lastEventId() {
      return state.lastEventId;
    },
    done,
  };
}

async function run(
  options: StreamEventsOptions,
  signal: AbortSignal,
  state: { lastEventId: string | undefined },
): Promise<StreamEnd> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const initialDelay = options.retry?.initialDelayMs ?? 1000;
  const maxDelay = options.retry?.maxDelayMs ?? 30_000;
  let attempt = 0;

  while (!signal.aborted) {
    let cause: Problem | Error | "ended";
    let retryAfterMs: number | undefined;
    try {
      const token = typeof options.token === "function" ? await options.token() : options.token;
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: "text/event-stream",
      };
      if (state.lastEventId !== undefined) headers["Last-Event-ID"] = state.lastEventId;
      const response = await doFetch(streamUrl(options), { headers, signal, cache: "no-store" });
      const isStream = (response.headers.get("Content-Type") ?? "").startsWith("text/event-stream");
      if (!response.ok || !response.body || !isStream) {
        const problem = await readProblem(response);
        if (!RETRYABLE.has(response.status)) {
          if (signal.aborted) break;
          options.onProblem?.(problem);
          return { reason: "problem", problem };
        }
        cause = problem;
        retryAfterMs = parseRetryAfter(response.headers.get("Retry-After"));
      } else {
        attempt = 0;
        options.onOpen?.();
        await readEvents(response.body, signal, (id, event) => {
          state.lastEventId = id;
          try {
            options.onEvent(event);
          } catch (error) {
            // The caller's bug, not the stream's: report it as uncaught, as an EventTarget does, and go on.
            queueMicrotask(() => {
              throw error;
            });
          }
        });
        cause = "ended";
      }
    } catch (error) {
      if (signal.aborted) break;
      cause = error instanceof Error ? error : new Error(String(error));
    }
    if (signal.aborted) break;
    attempt += 1;
    const backoff = Math.min(maxDelay, initialDelay * 2 ** Math.min(attempt - 1, 16));
    const delayMs = retryAfterMs ?? Math.round(backoff / 2 + (Math.random() * backoff) / 2);
    options.onReconnecting?.({ attempt, delayMs, cause });
    await sleep(delayMs, signal);
  }
  return { reason: "closed" };
}

function streamUrl(options: StreamEventsOptions): string {
  const base = options.baseUrl.replace(/\/+$/, "");
  const path =
    options.agreementId === undefined
      ? "/v1/events/stream"
      : `/v1/agreements/${encodeURIComponent(options.agreementId)}/events/stream`;
  const query = new URLSearchParams();
  if (options.kind !== undefined) query.set("kind", options.kind);
  const search = query.toString();
  return base + path + (search ? `?${search}` : "");
}

/**
 * Reads the SSE body until it ends, handing over each event's id and `data` parsed as a FeedEvent.
 * Data that is not JSON ends the connection (it is then resumed after the last good event).
 */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (id: string, event: FeedEvent) => void,
): Promise<void> {
  let failure: Error | undefined;
  const parser = createParser({
    onEvent(message) {
      if (failure || signal.aborted || message.data === "") return;
      let event: FeedEvent;
      try {
        event = JSON.parse(message.data) as FeedEvent;
      } catch {
        failure = new Error(`the stream sent an event whose data is not JSON: ${message.data.slice(0, 200)}`);
        return;
      }
      onEvent(message.id ?? event.cursor, event);
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) break;
      parser.feed(decoder.decode(value, { stream: true }));
      if (failure) throw failure;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** Problem codes for refusals whose body is not a problem (from a proxy, say), by status. */
const CODE_BY_STATUS: Record<number, Problem["code"]> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "ROUTE_NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  406: "NOT_ACCEPTABLE",
  414: "URI_TOO_LONG",
  431: "HEADERS_TOO_LARGE",
  503: "SERVICE_UNAVAILABLE",
};

/**
 * The problem in a refusal's body; when the body is not a problem, one made up from the status
 * (`type` `about:blank`), and `NOT_ACCEPTABLE` for a 2xx that is not `text/event-stream`.
 */
async function readProblem(response: Response): Promise<Problem> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (body !== null && typeof body === "object" && "code" in body && "status" in body) {
    return body as Problem;
  }
  const status = response.status;
  return {
    type: "about:blank",
    title: response.statusText || `HTTP ${status}`,
    status,
    detail: response.ok
      ? `the service answered ${status} with ${response.headers.get("Content-Type") ?? "no content type"}, not an event stream`
      : `the service answered ${status}`,
    instance: response.url ? new URL(response.url).pathname : "",
    code: CODE_BY_STATUS[status] ?? (status >= 500 ? "INTERNAL_ERROR" : "NOT_ACCEPTABLE"),
  };
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
