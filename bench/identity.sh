# Sourced by run.sh and profile.sh: a throw-away identity provider for one run. The packaged jar
# verifies bearer tokens (RS256) and refuses to start without a key and an issuer of its own (never
# the development key), so each run makes a key pair with openssl, an issuer, and the token that
# every wrk request carries (lua/common.lua reads it from BENCH_TOKEN).
#   make_identity DIR   sets and exports ISSUER, JWT_PUBLIC_KEY (DIR/public.pem) and BENCH_TOKEN
#   forget_identity     deletes the private key

make_identity() {
  IDENTITY_DIR=$1
  rm -rf "$IDENTITY_DIR"; mkdir -p "$IDENTITY_DIR"; chmod 700 "$IDENTITY_DIR"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$IDENTITY_DIR/private.pem" 2>/dev/null
  openssl pkey -in "$IDENTITY_DIR/private.pem" -pubout -out "$IDENTITY_DIR/public.pem"
  ISSUER="https://accords.example/bench/$(date +%s)"
  JWT_PUBLIC_KEY="$IDENTITY_DIR/public.pem"
  # Negotiators read and write: one token serves every scenario, as one client would hold it.
  BENCH_TOKEN=$(mint_token negotiator bench-negotiator 12)
  export ISSUER JWT_PUBLIC_KEY BENCH_TOKEN
}

forget_identity() {
  rm -f "$IDENTITY_DIR/private.pem"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# mint_token ROLE SUBJECT HOURS: a signed JWT as an identity provider would issue it.
mint_token() {
  local now header payload signature
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$ISSUER" "$2" "$2" "$1" "$now" "$((now + $3 * 3600))" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$IDENTITY_DIR/private.pem" -binary | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
