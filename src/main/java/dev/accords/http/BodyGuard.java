package dev.accords.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Reads a request body before Jackson does, to hold it to two rules Jackson does not:
 * <ul>
 * <li>at most 1 MiB. RequestIds already refuses a declared length over the limit and reads a chunked
 * body on the router up to it, so this is a second line behind them for any path into a JAX-RS read
 * that they do not see; it answers with the same 413 problem;</li>
 * <li>valid UTF-8, as JSON must be (RFC 8259 §8.1). Jackson decodes overlong forms and encoded
 * surrogates without a word, so "\xC0\xAF" became '/' and "\xED\xBF\xBF" a lone surrogate that
 * reached the database as '?'.</li>
 * </ul>
 */
@Provider
public class BodyGuard implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream(), RequestIds.MAX_BODY_BYTES);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new NotUtf8();
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            if (body.size() + (long) read > limit) {
                throw new TooLarge();
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }

    /** The body went past the limit; ProblemResponses answers 413. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over the limit", null);
        }
    }

    /** The body is not UTF-8; ProblemResponses answers 400. */
    public static final class NotUtf8 extends IOException {
        NotUtf8() {
            super("request body not UTF-8", null);
        }
    }
}
