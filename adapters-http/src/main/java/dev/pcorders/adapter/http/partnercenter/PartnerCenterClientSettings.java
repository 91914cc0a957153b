package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.adapter.http.net.LoopbackHost;
import dev.pcorders.domain.shared.InputQuote;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the Partner Center client needs except credentials, usable from plain Java
 * ({@code PartnerCenterClientSettings.defaults().withLocale(Locale.US)}) and bound by bootstrap from
 * {@code partner-center.*}. Holds no secret, so its {@code toString()} is safe to log.
 *
 * @param baseUrl       the API root without version, https unless the host is loopback (a local sandbox)
 * @param apiVersion    the path segment after {@code v}: {@code 1} gives {@code /v1/}
 * @param maxBodyBytes  a safety valve: the largest 2xx body read before the response is refused as too large;
 *                      {@link #NO_BODY_LIMIT} (the default) reads a body of any size, since Partner Center does
 *                      not page a customer's orders and the body is read as it arrives, in bounded memory.
 *                      Error bodies are always cut at 1 MiB.
 * @param maxPages      a guard against a server that pages forever
 * @param requestPacer  the tenant's rate limit, shared by every client opened with these settings
 *                      ({@link RequestPacer#UNLIMITED} by default)
 */
public record PartnerCenterClientSettings(
        URI baseUrl,
        String apiVersion,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retryPolicy,
        Optional<Locale> locale,
        long maxBodyBytes,
        int maxPages,
        RequestPacer requestPacer) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.partnercenter.microsoft.com");
    public static final String DEFAULT_API_VERSION = "1";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** No cap on a 2xx body: a body larger than this cannot exist. */
    public static final long NO_BODY_LIMIT = Long.MAX_VALUE;
    public static final int DEFAULT_MAX_PAGES = 10_000;

    private static final Pattern API_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,15}");
    private static final int MIN_BODY_BYTES = 1024;

    public PartnerCenterClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(requestPacer, "requestPacer");
        baseUrl = checkedBaseUrl(baseUrl);
        if (!API_VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("apiVersion must be a short token such as 1, got " + InputQuote.quote(apiVersion));
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxBodyBytes < MIN_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be at least " + MIN_BODY_BYTES + ", got " + maxBodyBytes);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, got " + maxPages);
        }
    }

    /** Microsoft's public endpoint, v1, 10 s connect, 60 s read, {@link RetryPolicy#DEFAULT} no body cap. */
    public static PartnerCenterClientSettings defaults() {
        return new PartnerCenterClientSettings(DEFAULT_BASE_URL, DEFAULT_API_VERSION, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, RetryPolicy.DEFAULT, Optional.empty(),
                NO_BODY_LIMIT, DEFAULT_MAX_PAGES, RequestPacer.UNLIMITED);
    }

    public PartnerCenterClientSettings withBaseUrl(URI value) {
        return new PartnerCenterClientSettings(value, apiVersion, connectTimeout, readTimeout, retryPolicy,
                locale, maxBodyBytes, maxPages, requestPacer);
    }

    public PartnerCenterClientSettings withApiVersion(String value) {
        return new PartnerCenterClientSettings(baseUrl, value, connectTimeout, readTimeout, retryPolicy,
                locale, maxBodyBytes, maxPages, requestPacer);
    }

    public PartnerCenterClientSettings withConnectTimeout(Duration value) {
        return new PartnerCenterClientSettings(baseUrl, apiVersion, value, readTimeout, retryPolicy,
                locale, maxBodyBytes, maxPages, requestPacer);
    }

    public PartnerCenterClientSettings withReadTimeout(Duration value) {
        return new PartnerCenterClientSettings(baseUrl, apiVersion, connectTimeout, value, retryPolicy,
                locale, maxBodyBytes, maxPages, requestPacer);
    }

    public PartnerCenterClientSettings withRetryPolicy(RetryPolicy value) {
        return new PartnerCenterClientSettings(baseUrl, apiVersion, connectTimeout, readTimeout, value,
                locale, maxBodyBytes, maxPages, requestPacer);
    }

    public PartnerCenterClientSettings withLocale(Locale value) {
        return new PartnerCenterClientSettings(baseUrl, apiVersion, connectTimeout, readTimeout, retryPolicy,
                Optional.of(value), maxBodyBytes, maxPages, requestPacer);
    }

    /** A cap on 2xx bodies, at least 1024 bytes; {@link #NO_BODY_LIMIT} for none. */
    public PartnerCenterClientSettings withMaxBodyBytes(long value) {
        return new PartnerCenterClientSettings(baseUrl, apiVersion, connectTimeout, readTimeout, retryPolicy,
                locale, value, maxPages, requestPacer);
    }

    public PartnerCenterClientSettings withMaxPages(int value) {
        return new PartnerCenterClientSettings(baseUrl, apiVersion, connectTimeout, readTimeout, retryPolicy,
                locale, maxBodyBytes, value, requestPacer);
    }

    /**
     * Paces the requests of every client opened with these settings: give the clients of one tenant the same pacer
     * (settings made from these with {@code with*} keep it), so that together they stay within the tenant's limit.
     */
    public PartnerCenterClientSettings withRequestPacer(RequestPacer value) {
        return new PartnerCenterClientSettings(baseUrl, apiVersion, connectTimeout, readTimeout, retryPolicy,
                locale, maxBodyBytes, maxPages, value);
    }

    /** {@code {baseUrl}/v{apiVersion}}, the root that resource paths and relative links hang from. */
    public URI versionedRoot() {
        return URI.create(baseUrl + "/v" + apiVersion);
    }

    private static URI checkedBaseUrl(URI url) {
        String shown = InputQuote.quote(url.toString());
        if (!url.isAbsolute() || url.getHost() == null || url.isOpaque()) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + shown);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && LoopbackHost.is(url.getHost()))) {
            // The bearer token goes with every request: clear text only to this machine.
            throw new IllegalArgumentException("baseUrl must be https unless its host is loopback, got " + shown);
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user info, a query or a fragment, got " + shown);
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static void requirePositive(Duration value, String what) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
