/**
 * Where the API is and which bearer token to send, in this order of precedence:
 *
 * 1. the URL fragment `#api=<base URL>&token=<JWT>` (for tests and links; taken into sessionStorage,
 *    then removed from the address bar so the token does not linger in the history);
 * 2. sessionStorage (`accords.api`, `accords.token`), also written by the settings form;
 * 3. in `vite dev` only, the token the dev server signed into the page (`<meta name="accords-dev-token">`),
 *    and the API at `VITE_ACCORDS_API_URL` or http://localhost:8080 (`./mvnw quarkus:dev`).
 */
const API_KEY = "accords.api";
const TOKEN_KEY = "accords.token";
const DEFAULT_API = (import.meta.env.VITE_ACCORDS_API_URL as string | undefined) ?? "http://localhost:8080";

export interface Config {
  apiUrl: string;
  token: string | undefined;
  /** Where the token came from, shown in the settings. */
  tokenSource: "fragment" | "session" | "dev server" | "none";
}

export function loadConfig(): Config {
  let tokenSource: Config["tokenSource"] = "none";
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has("api") || fragment.has("token")) {
    const api = fragment.get("api");
    const token = fragment.get("token");
    if (api) sessionStorage.setItem(API_KEY, api);
    if (token) {
      sessionStorage.setItem(TOKEN_KEY, token);
      tokenSource = "fragment";
    }
    history.replaceState(null, "", location.pathname + location.search);
  }
  const apiUrl = (sessionStorage.getItem(API_KEY) ?? DEFAULT_API).replace(/\/+$/, "");
  let token = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  if (token && tokenSource === "none") tokenSource = "session";
  if (!token && import.meta.env.DEV) {
    token = document.querySelector<HTMLMetaElement>('meta[name="accords-dev-token"]')?.content || undefined;
    if (token) tokenSource = "dev server";
  }
  return { apiUrl, token, tokenSource };
}

export function saveConfig(apiUrl: string, token: string): void {
  sessionStorage.setItem(API_KEY, apiUrl.trim());
  if (token.trim()) sessionStorage.setItem(TOKEN_KEY, token.trim());
  else sessionStorage.removeItem(TOKEN_KEY);
}
