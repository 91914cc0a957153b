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

    Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    Optional<Integer> apiVersion() {
        return Optional.ofNullable(apiVersion);
    }

    Optional<URI> authority() {
        return Optional.ofNullable(authority);
    }
}
