// A webhook receiver for bench/webhooks.sh: answers 204 to every POST at once and counts them, so the
// benchmark measures the service's side of delivery, not a receiver's. Run with the JDK's source
// launcher: java bench/WebhookSink.java PORT. GET /count answers the number received so far.
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

public class WebhookSink {
    public static void main(String[] args) throws IOException {
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 100);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("GET")) {
                    byte[] count = Long.toString(received.get()).getBytes(StandardCharsets.US_ASCII);
                    exchange.sendResponseHeaders(200, count.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(count);
                    }
                } else {
                    received.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }
}
