/**
 * Reads the open-clauses report of one agreement and prints which clauses are still open and who is
 * holding them up, most urgent first.
 *
 *   ACCORDS_TOKEN=<JWT> node dist/examples/open-clauses-report.js <base URL> <agreement id>
 *   ACCORDS_TOKEN=$(src/main/dev-keys/mint-token.sh reader) node dist/examples/open-clauses-report.js \
 *       http://localhost:8080 5b7c1e0e-3f0a-4c39-9d8e-2f4f1c2a9b10
 *
 * ACCORDS_TOKEN is a bearer token with the role `reader` (or `negotiator`, `admin`). Exits 1 with the
 * problem's status and code when the service refuses, 2 on bad usage.
 */
import { createAccordsClient, type OpenClause } from "../src/index.js";

const [baseUrl, agreementId] = process.argv.slice(2);
if (!baseUrl || !agreementId) {
  console.error("usage: open-clauses-report <base URL> <agreement id>");
  process.exit(2);
}

const token = process.env.ACCORDS_TOKEN;
const accords = createAccordsClient({ baseUrl, ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}) });
const { data: report, error, response } = await accords.getAgreementOpenClauses({
  params: { path: { agreementId } },
});
if (error) {
  console.error(`${response.status} ${error.code}: ${error.detail}`);
  process.exit(1);
}

const describe = (clause: OpenClause): string =>
  [
    `clause ${clause.reference}`,
    clause.status,
    clause.priority,
    clause.blocking ? "blocking" : "not blocking",
    `awaiting ${clause.awaiting.length > 0 ? clause.awaiting.join(",") : "nobody"}`,
    `open ${clause.daysOpen} days`,
    clause.title,
  ].join(" | ");

console.log(`${report.title} | ${report.status} | ${report.signable ? "signable" : "not signable"}`);
console.log(`open ${report.totals.open} | blocking ${report.totals.blocking} | deferred ${report.totals.deferred}`);
for (const clause of report.openClauses) {
  console.log(describe(clause));
}
