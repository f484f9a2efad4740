/**
 * The Accords TypeScript SDK: `createAccordsClient` returns one function per operation of the
 * contract (listAgreements, createClause, getAgreementOpenClauses, ...), each an openapi-fetch call
 * typed by the types generated from openapi.yaml (Agreement, Clause, ClauseStatus, Problem, ...).
 *
 * Every function resolves to `{ data, error, response }`: `data` on a 2xx, `error` (a `Problem`) on a
 * 4xx or 5xx; it never throws for an HTTP status, only for a network failure.
 *
 * `streamEvents` follows the live change feed (Server-Sent Events) with typed `FeedEvent`s and
 * reconnects on its own; the client's `streamEvents` operation is the raw openapi-fetch call, which
 * cannot read a stream.
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import { bindOperations, type AccordsOperations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export type * from "./generated/schema.js";
export {
  agreementStatusValues,
  clausePriorityValues,
  clauseStatusValues,
  problemCodeValues,
  signatoryStatusValues,
  stanceValues,
} from "./generated/schema.js";
export type { AccordsOperations } from "./generated/operations.js";
export { streamEvents, type EventStream, type StreamEnd, type StreamEventsOptions } from "./events.js";

export interface AccordsClientOptions extends ClientOptions {
  /** The service's root URL, e.g. `http://localhost:8080`; paths start with `/v1`. */
  baseUrl: string;
}

/** The operations by name, plus the underlying openapi-fetch client (for middleware: `http.use(...)`). */
export type AccordsClient = AccordsOperations & { readonly http: Client<paths> };

export function createAccordsClient(options: AccordsClientOptions): AccordsClient {
  const http = createClient<paths>(options);
  return { ...bindOperations(http), http };
}
