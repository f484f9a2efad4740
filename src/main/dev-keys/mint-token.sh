#!/usr/bin/env bash
# Mints a development bearer token signed with the development key in this folder.
# Usage: src/main/dev-keys/mint-token.sh [role[,role...]] [subject] [hours] [party[,party...]]
#   roles: reader, negotiator, admin (default: negotiator); subject default: dev-<first role>
#   parties: party codes for the token's `party` claim (none by default: an unbound token)
# Dev mode and tests trust this key; a packaged production jar refuses to start with it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
roles="${1:-negotiator}"
subject="${2:-dev-${roles%%,*}}"
hours="${3:-12}"
parties="${4:-}"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now="$(date +%s)"
groups="$(printf '"%s",' ${roles//,/ })"
party_claim=""
if [[ -n "$parties" ]]; then
  party_list="$(printf '"%s",' ${parties//,/ })"
  party_claim=",\"party\":[${party_list%,}]"
fi
header="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)"
payload="$(printf '{"iss":"https://accords.example/dev","sub":"%s","upn":"%s","groups":[%s]%s,"iat":%d,"exp":%d}' \
  "$subject" "$subject" "${groups%,}" "$party_claim" "$now" "$((now + hours * 3600))" | b64url)"
signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$here/privateKey.pem" -binary | b64url)"
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
