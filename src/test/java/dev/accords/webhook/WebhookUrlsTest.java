package dev.accords.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13, item 6: which addresses count as public, and loopback only when the deployment allows it. */
class WebhookUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "100.127.255.255", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.0.8", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:192.168.1.1", "::ffff:127.0.0.1"})
    void shouldNotTakeAnInternalAddressForAPublicOne(String address) throws Exception {
        assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2001:4860:4860::8888"})
    void shouldTakeAPublicAddressForOne(String address) throws Exception {
        assertThat(WebhookUrls.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void shouldRefuseLoopbackUnlessTheDeploymentAllowsIt() {
        WebhookUrls strict = new WebhookUrls();
        WebhookUrls trial = new WebhookUrls();
        trial.allowLoopback = true;

        assertThat(strict.refusal("http://127.0.0.1:8080/hooks")).contains("not public");
        assertThat(strict.refusal("https://localhost/hooks")).contains("not public");
        assertThat(trial.refusal("http://127.0.0.1:8080/hooks")).isNull();
        assertThat(trial.refusal("http://[::1]:8080/hooks")).isNull();
        assertThat(trial.refusal("http://10.0.0.1/hooks")).contains("not public");
        assertThat(strict.refusal("https://203.0.113.10/hooks")).isNull();
        assertThat(strict.refusal("http://203.0.113.10/hooks")).isEqualTo("must be https");
    }
}
