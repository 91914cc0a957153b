package dev.pcorders.adapter.http.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartnerCenterSettingsTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");

    @Test
    void defaultsAreTheDocumentedOnes() {
        PartnerCenterClientSettings settings = PartnerCenterClientSettings.defaults();

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.partnercenter.microsoft.com"));
        assertThat(settings.versionedRoot()).isEqualTo(URI.create("https://api.partnercenter.microsoft.com/v1"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxBodyBytes()).isGreaterThanOrEqualTo(64 * 1024 * 1024);
        assertThat(settings.locale()).isEmpty();
        assertThat(settings.retryPolicy()).isEqualTo(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofMinutes(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.partnercenter.microsoft.com", "http://10.0.0.1:8080", "ftp://127.0.0.1",
            "https://user:pw@api.example.com", "https://api.example.com?x=1", "/relative"})
    void baseUrlMustBeHttpsUnlessLoopback(String url) {
        assertThatThrownBy(() -> PartnerCenterClientSettings.defaults().withBaseUrl(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:1234/", "http://[::1]:9000", "https://pc.example.com/"})
    void loopbackMayBeHttpAndTrailingSlashesGo(String url) {
        URI base = PartnerCenterClientSettings.defaults().withBaseUrl(URI.create(url)).baseUrl();
        assertThat(base.toString()).doesNotEndWith("/");
    }

    @Test
    void otherSettingsValidate() {
        PartnerCenterClientSettings defaults = PartnerCenterClientSettings.defaults();
        assertThatThrownBy(() -> defaults.withApiVersion("1/../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withReadTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxBodyBytes(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxPages(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxDelay(Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffDoublesUpToTheMaxDelay() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertThat(policy.backoffCeiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffCeiling(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoffCeiling(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffCeiling(99)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("57", NOW)).hasValue(Duration.ofSeconds(57));
        assertThat(RetryAfter.parse(" 0 ", NOW)).hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", NOW)).hasValue(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW)).hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).hasValueSatisfying(d -> assertThat(d).isPositive());
        assertThat(RetryAfter.parse("Wednesday, 21-Oct-15 07:28:00 GMT", NOW)).hasValue(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse("Wed Oct 21 07:28:00 2015", NOW)).hasValue(Duration.ofSeconds(60));
        assertThat(RetryAfter.parse("Wed Oct  7 07:28:00 2015", NOW)).hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void snippetEscapesAndBounds() {
        String snippet = ErrorResponses.snippet(("<p>\u0001line\nnext</p>" + "x".repeat(500)).getBytes(StandardCharsets.UTF_8));
        assertThat(snippet).startsWith("<p>\\u0001line next</p>").endsWith("...").hasSizeLessThan(220);
        assertThat(ErrorResponses.snippet(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'})).endsWith("a");
        assertThat(ErrorResponses.snippet("Zugriff verweigert: öäü €".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Zugriff verweigert: öäü €");
    }

    @Test
    void jsonContentTypes() {
        assertThat(PartnerCenterResponse.isJsonType("application/json; charset=utf-8")).isTrue();
        assertThat(PartnerCenterResponse.isJsonType("Text/JSON")).isTrue();
        assertThat(PartnerCenterResponse.isJsonType("application/problem+json")).isTrue();
        assertThat(PartnerCenterResponse.isJsonType("text/xml")).isFalse();
        assertThat(PartnerCenterResponse.isJsonType("text/html")).isFalse();
    }
}
