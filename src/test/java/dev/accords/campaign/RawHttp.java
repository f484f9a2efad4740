package dev.accords.campaign;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket. REST Assured and java.net.http normalise
 * what they send (they re-encode the target, refuse malformed percent-escapes, add a charset to the
 * media type, pick the framing); a bad-input campaign needs the exact bytes on the wire. It opens a
 * new connection only when the server closed the previous one.
 */
public final class RawHttp implements AutoCloseable {

    public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        public String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int TIMEOUT_MILLIS = 30_000;
    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public int connections() {
        return connections;
    }

    public Response send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                         boolean chunked) throws IOException {
        for (int attempt = 0; ; attempt++) {
            boolean fresh = ensureOpen();
            try {
                return exchange(method, target, headers, body, chunked);
            } catch (IOException e) {
                closeQuietly();
                // A kept-alive connection the server closed meanwhile: retry once on a new one.
                if (fresh || attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private boolean ensureOpen() throws IOException {
        if (socket != null && !socket.isClosed()) {
            return false;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
        connections++;
        return true;
    }

    private Response exchange(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                              boolean chunked) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, method + " " + target + " HTTP/1.1\r\n");
        write(head, "Host: " + host + ":" + port + "\r\n");
        for (Map.Entry<String, String> header : headers) {
            write(head, header.getKey() + ": " + header.getValue() + "\r\n");
        }
        if (body != null) {
            write(head, chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        }
        write(head, "\r\n");
        if (body == null || body.length < 256 * 1024) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            head.writeTo(all);
            if (body != null) {
                writeBody(all, body, chunked);
            }
            out.write(all.toByteArray());
            out.flush();
            return read(method);
        }
        // A large body: the server may answer (413) and close before reading it all, so write it on
        // another thread and read the answer here.
        out.write(head.toByteArray());
        out.flush();
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                writeBody(out, body, chunked);
                out.flush();
            } catch (IOException e) {
                writeFailure.set(e);
            }
        }, "campaign-body-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            Response response = read(method);
            joinQuietly(writer);
            if (writeFailure.get() != null || !writer.isAlive() && "close".equalsIgnoreCase(response.header("Connection"))) {
                closeQuietly();
            }
            if (writer.isAlive()) {
                // The server answered without reading the body: this connection is out of step.
                closeQuietly();
            }
            return response;
        } finally {
            joinQuietly(writer);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeBody(OutputStream target, byte[] body, boolean chunked) throws IOException {
        if (!chunked) {
            target.write(body);
            return;
        }
        int chunk = 16 * 1024;
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            write(target, Integer.toHexString(length) + "\r\n");
            target.write(body, offset, length);
            write(target, "\r\n");
        }
        write(target, "0\r\n\r\n");
    }

    private static void write(OutputStream target, String text) throws IOException {
        target.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private Response read(String method) throws IOException {
        String statusLine = line();
        while (statusLine.isEmpty()) {
            statusLine = line();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        if (status == 100) {
            return read(method);
        }
        Response response;
        String length = header(headers, "Content-Length");
        String transfer = header(headers, "Transfer-Encoding");
        String type = header(headers, "Content-Type");
        if (method.equals("HEAD") || status == 204 || status == 304) {
            response = new Response(status, headers, new byte[0]);
        } else if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            // An opened event stream has no end: its status and headers are the whole answer.
            response = new Response(status, headers, new byte[0]);
            closeQuietly();
        } else if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            response = new Response(status, headers, chunkedBody());
        } else if (length != null) {
            response = new Response(status, headers, in.readNBytes(Integer.parseInt(length.trim())));
        } else {
            response = new Response(status, headers, in.readAllBytes());
            closeQuietly();
        }
        if ("close".equalsIgnoreCase(header(headers, "Connection"))) {
            closeQuietly();
        }
        return response;
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line();
        }
    }

    private static String header(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("connection closed by the server");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private void closeQuietly() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
