import type { Problem } from "@accords/sdk";

/** One line for a problem the service answered, e.g. `404 AGREEMENT_NOT_FOUND: no agreement with id …`. */
export function describeProblem(problem: Problem | undefined, status: number): string {
  if (!problem) return `The service answered ${status}`;
  return `${problem.status ?? status} ${problem.code}: ${problem.detail}`;
}

/** One line for a call that never got an answer (network down, or CORS refused by the browser). */
export function describeFailure(error: unknown): string {
  return `The service cannot be reached: ${error instanceof Error ? error.message : String(error)}`;
}
