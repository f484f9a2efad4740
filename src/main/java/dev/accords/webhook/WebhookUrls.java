package dev.accords.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.accords.problem.ApiException;
import dev.accords.problem.FieldError;
import dev.accords.problem.ProblemCode;

/**
 * Which URLs the service will call. A webhook makes the service send requests where an admin says,
 * so without this check an endpoint could reach what only the service's network can: a database
 * port, an internal admin page, the cloud metadata service (server-side request forgery).
 *
 * <p>An endpoint must be https and every address its host resolves to must be public: not
 * loopback, private, link-local (which holds 169.254.169.254, the metadata address), unique-local,
 * shared (100.64/10), multicast or unspecified. With {@code ACCORDS_WEBHOOKS_ALLOW_LOOPBACK=true}
 * (tests, dev mode, a trial of the jar on one machine) a host whose addresses are all loopback is
 * allowed too, over plain http as well. The check runs when an endpoint is saved and again before
 * every attempt, as a name may resolve elsewhere by then.
 */
@ApplicationScoped
public class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    @ConfigProperty(name = "accords.webhooks.allow-loopback")
    boolean allowLoopback;

    /** The URL as given, or 400 WEBHOOK_URL_NOT_ALLOWED saying why it is refused. */
    URI requireAllowed(String url) {
        String refusal = refusal(url);
        if (refusal != null) {
            throw new ApiException(ProblemCode.WEBHOOK_URL_NOT_ALLOWED, "url: " + refusal,
                    List.of(new FieldError("url", refusal)), java.util.Map.of());
        }
        return URI.create(url);
    }

    /** Why the service must not call this URL now, or null when it may. */
    String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute https URL with a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials: the receiver checks the signature instead";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "its host " + uri.getHost() + " does not resolve";
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        if (allLoopback && allowLoopback) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "its host " + uri.getHost() + " resolves to " + address.getHostAddress()
                        + ", an address that is not public (loopback, private, link-local or the like)";
            }
        }
        if (!scheme.equals("https")) {
            return "must be https";
        }
        return null;
    }

    /** Whether an address is on the public internet, by the JDK's classes plus the ranges it does not name. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0/8 "this network", 100.64/10 shared (carrier-grade NAT), 192.0.0/24 protocol assignments,
            // 198.18/15 benchmarking, 240/4 reserved and broadcast.
            return first != 0 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            // fc00::/7 unique-local; an IPv4-mapped address is judged as the IPv4 address it maps.
            if ((first & 0xfe) == 0xfc) {
                return false;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
