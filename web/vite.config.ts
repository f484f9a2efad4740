/**
 * Vite for the reference web app. In `vite dev` only, the `accords-dev-token` plugin puts a fresh,
 * short-lived bearer token into the page it serves, signed with the development key
 * (src/main/dev-keys/privateKey.pem) that `./mvnw quarkus:dev` trusts. The plugin applies to the dev
 * server alone (`apply: "serve"`), so neither the key nor a token is ever part of `vite build`'s dist/.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/** The dev-mode issuer and key of the service (src/main/resources/application.properties, %dev). */
const DEV_ISSUER = "https://accords.example/dev";
const DEV_PRIVATE_KEY = fileURLToPath(new URL("../src/main/dev-keys/privateKey.pem", import.meta.url));
const TOKEN_LIFETIME = "1h";

function devToken(): Plugin {
  return {
    name: "accords-dev-token",
    apply: "serve",
    async transformIndexHtml() {
      const role = process.env.ACCORDS_DEV_ROLE ?? "negotiator";
      const subject = process.env.ACCORDS_DEV_SUBJECT ?? `dev-${role}`;
      // jose is loaded here, on the dev server, never by the page.
      const { SignJWT, importPKCS8 } = await import("jose");
      const key = await importPKCS8(await readFile(DEV_PRIVATE_KEY, "utf8"), "RS256");
      const token = await new SignJWT({ upn: subject, groups: [role] })
        .setProtectedHeader({ alg: "RS256", typ: "JWT" })
        .setIssuer(DEV_ISSUER)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime(TOKEN_LIFETIME)
        .sign(key);
      return [{ tag: "meta", attrs: { name: "accords-dev-token", content: token }, injectTo: "head" }];
    },
  };
}

export default defineConfig({
  // Relative asset paths: dist/ can be served from any folder.
  base: "./",
  plugins: [devToken()],
  server: { port: 5173, strictPort: false },
  build: { target: "es2022", sourcemap: false },
});
