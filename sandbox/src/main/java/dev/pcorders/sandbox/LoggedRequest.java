package dev.pcorders.sandbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One Partner Center API request the sandbox answered, as {@link SandboxServer#requestLog()} keeps it.
 *
 * @param number     arrival order, from 0 at start (a reset of the log does not restart it)
 * @param arrived    when it arrived, by the sandbox's clock
 * @param path       its path, without the query
 * @param customerId the customer id in the path, if the path has one
 * @param status     the status it was answered with (429 for one the rate limit refused)
 * @param answered   when its answer left, after the latency
 */
public record LoggedRequest(long number, Instant arrived, String path, Optional<String> customerId, int status,
                            Instant answered) {

    public LoggedRequest {
        Objects.requireNonNull(arrived, "arrived");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(answered, "answered");
    }
}
