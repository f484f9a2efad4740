/**
 * The reference web app: `/` lists the agreements, `/?agreement=<id>` shows one agreement's
 * negotiation board, kept live by the SDK's `streamEvents`. Every call goes through the SDK.
 */
import { createAccordsClient } from "@accords/sdk";
import { loadConfig, saveConfig, type Config } from "./config.js";
import { fill, h } from "./dom.js";
import { showAgreements } from "./list.js";
import { showBoard } from "./board.js";
import "./style.css";

const config = loadConfig();
const app = document.getElementById("app")!;
const main = h("main", { class: "main" });
fill(app, header(config), main);

const accords = createAccordsClient({
  baseUrl: config.apiUrl,
  headers: config.token ? { Authorization: `Bearer ${config.token}` } : {},
});
const agreementId = new URLSearchParams(location.search).get("agreement");
if (agreementId) {
  showBoard(main, accords, config, agreementId);
} else {
  showAgreements(main, accords);
}

function header(config: Config): HTMLElement {
  const api = h("input", { testid: "settings-api", attrs: { type: "url", value: config.apiUrl, size: "28" } });
  const token = h("input", {
    testid: "settings-token",
    attrs: { type: "password", placeholder: "bearer token (JWT)", value: config.tokenSource === "session" ? config.token ?? "" : "" },
  });
  const form = h(
    "form",
    {
      class: "settings",
      testid: "settings",
      on: {
        submit: (event) => {
          event.preventDefault();
          saveConfig(api.value, token.value);
          location.reload();
        },
      },
    },
    h("label", {}, "API ", api),
    h("label", {}, "Token ", token),
    h("button", { attrs: { type: "submit" } }, "Use"),
    h("span", { class: "muted", testid: "token-source" }, `token: ${config.tokenSource}`),
  );
  const details = h("details", {}, h("summary", {}, "Settings"), form);
  return h("header", { class: "topbar" }, h("a", { class: "brand", attrs: { href: "./" } }, "Accords"), details);
}
