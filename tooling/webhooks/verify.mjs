// Verifies webhook deliveries with the `standardwebhooks` package (the Standard Webhooks reference
// implementation for JavaScript), not with Accords' own signing code.
// Input on stdin: {"secret": "whsec_...", "deliveries": [{"headers": {...}, "body": "..."}]}.
// Output: one line per delivery, "verified" or "refused: <reason>"; the exit code is 0 either way.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { secret, deliveries } = JSON.parse(input);
const webhook = new Webhook(secret.replace(/^whsec_/, ""));
for (const delivery of deliveries) {
  try {
    webhook.verify(delivery.body, delivery.headers);
    console.log("verified");
  } catch (error) {
    console.log(`refused: ${error.message}`);
  }
}
