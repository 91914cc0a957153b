package dev.pcorders.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where Partner Center is; unset options are Partner Center's public endpoints (the command line reads no configuration). */
final class PartnerCenterOptions {

    @Option(names = "--base-url", paramLabel = "URL", description = "Partner Center API base (default: https://api.partnercenter.microsoft.com).")
    URI baseUrl;

    @Option(names = "--api-version", paramLabel = "N", description = "API version in the path, /v<N>/ (default: 1).")
    Integer apiVersion;

    @Option(names = "--authority", paramLabel = "URL", description = "Token endpoint host for client credentials (default: https://login.microsoftonline.com).")
    URI authority;

    @Option(names = "--customer-page-size", paramLabel = "N",
            description = "Customers per request when listing the partner's customers (1-500, default: 40).")
    Integer customerPageSize;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "500",
            description = "At most N requests a minute to Partner Center, over all customers synced at once "
                    + "(default: ${DEFAULT-VALUE}, Partner Center's documented limit for orders).")
    int rateLimit;

    @Option(names = "--max-concurrency", paramLabel = "N", defaultValue = "16",
            description = "Customers synced at once (default: ${DEFAULT-VALUE}: enough for the rate limit, not the "
                    + "concurrency, to bind at Partner Center's latencies).")
    int maxConcurrency;

    Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    Optional<Integer> apiVersion() {
        return Optional.ofNullable(apiVersion);
    }

    Optional<Integer> customerPageSize() {
        return Optional.ofNullable(customerPageSize);
    }

    Optional<URI> authority() {
        return Optional.ofNullable(authority);
    }
}
