package dev.pcorders.bootstrap;

import dev.pcorders.adapter.http.auth.EntraTokenEndpoint;
import dev.pcorders.adapter.http.customer.PartnerCenterCustomerGateways;
import dev.pcorders.adapter.http.order.BillingTypeEncoding;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.partnercenter.RetryPolicy;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code partner-center.*}: where Partner Center is, how patiently to call it, and how to authenticate.
 * Unset values keep the defaults of {@link PartnerCenterClientSettings#defaults()}.
 */
@ConfigurationProperties("partner-center")
public class PartnerCenterConfiguration {

    private static final PartnerCenterClientSettings DEFAULTS = PartnerCenterClientSettings.defaults();

    private URI baseUrl = DEFAULTS.baseUrl();
    private String apiVersion = DEFAULTS.apiVersion();
    private Duration connectTimeout = DEFAULTS.connectTimeout();
    private Duration readTimeout = DEFAULTS.readTimeout();
    private String billingTypeEncoding = BillingTypeEncoding.INTEGER.name();
    private String locale;
    private long maxBodyBytes = DEFAULTS.maxBodyBytes();
    private int maxPages = DEFAULTS.maxPages();
    private int customerPageSize = PartnerCenterCustomerGateways.DEFAULT_PAGE_SIZE;
    private Integer rateLimitPerMinute;
    private int customersAtOnce = 1;
    private final Retry retry;
    private final Auth auth;

    public PartnerCenterConfiguration(Retry retry, Auth auth) {
        this.retry = retry;
        this.auth = auth;
    }

    /** The client settings these values describe; validated by the settings record. */
    public PartnerCenterClientSettings toSettings() {
        PartnerCenterClientSettings settings = DEFAULTS.withBaseUrl(baseUrl).withApiVersion(apiVersion)
                .withConnectTimeout(connectTimeout).withReadTimeout(readTimeout).withRetryPolicy(retry.toPolicy())
                .withMaxBodyBytes(maxBodyBytes).withMaxPages(maxPages);
        return locale == null || locale.isBlank() ? settings : settings.withLocale(Locale.forLanguageTag(locale));
    }

    /** How the orders call sends a billing cycle filter ({@code billing-type-encoding: integer | name}). */
    public BillingTypeEncoding billingTypeEncoding() {
        return BillingTypeEncoding.parse(billingTypeEncoding);
    }

    public URI getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** {@code integer} (the default: {@code billingType=4}) or {@code name} ({@code billingType=one_time}). */
    public String getBillingTypeEncoding() {
        return billingTypeEncoding;
    }

    public void setBillingTypeEncoding(String billingTypeEncoding) {
        this.billingTypeEncoding = billingTypeEncoding;
    }

    /** Sent as {@code X-Locale}, e.g. {@code en-US}; unset sends none. */
    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    /** Customers asked for per request when listing the partner's customers ({@code partner-center.customer-page-size}). */
    public int getCustomerPageSize() {
        return customerPageSize;
    }

    public void setCustomerPageSize(int customerPageSize) {
        this.customerPageSize = customerPageSize;
    }

    /** Requests a minute to Partner Center over every client ({@code partner-center.rate-limit-per-minute}); unset: none. */
    public Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(Integer rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    /** Customers a sync fetches at once ({@code partner-center.customers-at-once}); 1, one after another, if unset. */
    public int getCustomersAtOnce() {
        return customersAtOnce;
    }

    public void setCustomersAtOnce(int customersAtOnce) {
        this.customersAtOnce = customersAtOnce;
    }

    public Retry getRetry() {
        return retry;
    }

    public Auth getAuth() {
        return auth;
    }

    /** {@code partner-center.retry.*}: bounded attempts with exponential backoff and an overall deadline. */
    @ConfigurationProperties("retry")
    public static class Retry {

        private int maxAttempts = RetryPolicy.DEFAULT.maxAttempts();
        private Duration baseDelay = RetryPolicy.DEFAULT.baseDelay();
        private Duration maxDelay = RetryPolicy.DEFAULT.maxDelay();
        private Duration deadline = RetryPolicy.DEFAULT.deadline();

        RetryPolicy toPolicy() {
            return new RetryPolicy(maxAttempts, baseDelay, maxDelay, deadline);
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBaseDelay() {
            return baseDelay;
        }

        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public Duration getDeadline() {
            return deadline;
        }

        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }
    }

    /**
     * {@code partner-center.auth.*}: {@code access-token}; or {@code tenant-id}, {@code client-id} and
     * {@code client-secret}; or {@code refresh-token} with {@code tenant-id} and {@code client-id}. Keep the
     * secrets out of files: {@code PARTNER_CENTER_AUTH_CLIENT_SECRET} in the environment binds here too.
     */
    @ConfigurationProperties("auth")
    public static class Auth {

        private URI authority = EntraTokenEndpoint.DEFAULT_AUTHORITY;
        private String accessToken;
        private String tenantId;
        private String clientId;
        private String clientSecret;
        private String refreshToken;

        PartnerCenterCredentials toCredentials() {
            return new PartnerCenterCredentials(Optional.ofNullable(accessToken), Optional.ofNullable(tenantId),
                    Optional.ofNullable(clientId), Optional.ofNullable(clientSecret), Optional.ofNullable(refreshToken));
        }

        public URI getAuthority() {
            return authority;
        }

        public void setAuthority(URI authority) {
            this.authority = authority;
        }

        public void setAccessToken(String accessToken) {
            this.accessToken = accessToken;
        }

        public String getTenantId() {
            return tenantId;
        }

        public void setTenantId(String tenantId) {
            this.tenantId = tenantId;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public void setRefreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
        }

        @Override
        public String toString() {
            return "Auth[authority=" + authority + ", " + toCredentials() + "]";
        }
    }
}
