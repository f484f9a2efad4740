// Generates the TypeScript SDK's code from the contract:
//   <out>/schema.ts      types for every path, operation and schema (openapi-typescript), with a
//                        root type per schema (Agreement, ClauseStatus, ...) and a const array of the
//                        values of each enum (agreementStatusValues, ...);
//   <out>/operations.ts  one function per operationId (listAgreements, createClause, ...), each the
//                        openapi-fetch call for its path and method, typed by schema.ts.
// Usage: node scripts/generate.mjs <openapi.yaml> <out dir>
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

const [specArg, outArg] = process.argv.slice(2);
if (!specArg || !outArg) {
  console.error("usage: node scripts/generate.mjs <openapi.yaml> <out dir>");
  process.exit(2);
}
const specPath = resolve(specArg);
const outDir = resolve(outArg);
mkdirSync(outDir, { recursive: true });

const banner = "// Generated from openapi.yaml by sdk/typescript/scripts/generate.mjs. Do not edit.\n";

const ast = await openapiTS(pathToFileURL(specPath), {
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  enumValues: true,
  alphabetize: false,
  silent: true,
});
writeFileSync(resolve(outDir, "schema.ts"), banner + astToString(ast));

const spec = parse(readFileSync(specPath, "utf8"));
const methods = ["get", "put", "post", "delete", "patch"];
const operations = [];
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  for (const method of methods) {
    const operation = item[method];
    if (!operation) continue;
    if (!/^[a-z][A-Za-z0-9]*$/.test(operation.operationId ?? "")) {
      console.error(`${method.toUpperCase()} ${path}: operationId missing or not camelCase: ${operation.operationId}`);
      process.exit(1);
    }
    operations.push({ id: operation.operationId, path, method: method.toUpperCase(), summary: operation.summary ?? "" });
  }
}
const comment = (text) => text.replace(/\*\//g, "*\\/");
const lines = [
  banner,
  'import { wrapAsPathBasedClient, type Client } from "openapi-fetch";',
  'import type { paths } from "./schema.js";',
  "",
  "/** One function per operation of the contract, named by its operationId. */",
  "export function bindOperations(client: Client<paths>) {",
  "  const byPath = wrapAsPathBasedClient(client);",
  "  return {",
  ...operations.flatMap((op) => [
    `    /** ${comment(op.summary)} (\`${op.method} ${op.path}\`) */`,
    `    ${op.id}: byPath[${JSON.stringify(op.path)}].${op.method},`,
  ]),
  "  };",
  "}",
  "",
  "/** The operations of the contract, by operationId. */",
  "export type AccordsOperations = ReturnType<typeof bindOperations>;",
  "",
];
writeFileSync(resolve(outDir, "operations.ts"), lines.join("\n"));
console.log(`generated ${operations.length} operations and their types into ${outDir}`);
