package dev.accords.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks deliveries with the Standard Webhooks reference implementation (the {@code standardwebhooks}
 * npm package, run by tooling/webhooks/verify.mjs), not with the service's own signing code: a
 * signature both sides got wrong the same way would pass a check written alongside the signer.
 */
public final class StandardWebhooksVerifier {

    private static final Path SCRIPT = Path.of("tooling/webhooks/verify.mjs");

    private StandardWebhooksVerifier() {
    }

    /** One verdict per delivery, in order: "verified", or "refused: " and the library's reason. */
    public static List<String> verify(String secret, List<WebhookReceiver.Received> deliveries) {
        try {
            Process node = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true).start();
            try (OutputStream in = node.getOutputStream()) {
                in.write(new ObjectMapper().writeValueAsBytes(Map.of("secret", secret, "deliveries",
                        deliveries.stream().map(d -> Map.of("headers", Map.of("webhook-id", d.headers().get("webhook-id"),
                                "webhook-timestamp", d.headers().get("webhook-timestamp"),
                                "webhook-signature", d.headers().get("webhook-signature")), "body", d.body())).toList())));
            }
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IllegalStateException("the verifier failed: " + out);
            }
            return out.lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
