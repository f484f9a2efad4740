package dev.accords.http;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code If-Match} and {@code If-None-Match} are list headers: sent on several lines, they mean the
 * lines joined with commas (RFC 9110 §5.3). A {@code @HeaderParam} String sees only the first line,
 * so {@code If-Match: "0"} followed by {@code If-Match: abc} passed as a match on "0" (the bad-input
 * campaign found an acceptance of a proposal made that way). Joining the lines before matching hands
 * {@link ETags} the whole list, which it then refuses as malformed.
 */
public class RepeatedConditionalHeaders {

    @ServerRequestFilter(preMatching = true)
    public void joinRepeatedLines(ContainerRequestContext request) {
        for (String name : List.of("If-Match", "If-None-Match")) {
            List<String> lines = request.getHeaders().get(name);
            if (lines != null && lines.size() > 1) {
                request.getHeaders().putSingle(name, String.join(", ", lines));
            }
        }
    }
}
