package dev.pcorders.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * What every Partner Center API request goes through, whichever resource it asks for (the token endpoint is not
 * under {@code /v1} and goes through none of it): the rate limit, then the latency, then the request log. A request
 * the limit refuses never reaches its controller, so it is neither served nor numbered for the fault plan.
 */
@Filter("/v1/**")
@Requires(property = SandboxServer.ENABLED_PROPERTY, value = "true")
final class PartnerCenterApiFilter implements HttpServerFilter {

    private static final Pattern CUSTOMER_ID = Pattern.compile("^/v1/customers/([^/]+)(?:/.*)?$");

    private final SandboxState state;

    PartnerCenterApiFilter(SandboxState state) {
        this.state = state;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        SandboxTime time = state.time();
        Instant arrived = time.now();
        long number = state.apiRequestArrived();
        String path = request.getPath();
        OptionalInt retryAfter = state.rateLimit().admit(
                RateLimit.tenantOf(Responses.header(request, HttpHeaders.AUTHORIZATION)), arrived);
        Mono<MutableHttpResponse<?>> answer = retryAfter.isPresent()
                ? Mono.just(Responses.throttled(Responses.Echo.of(request), retryAfter.getAsInt()))
                : Mono.from(chain.proceed(request));
        Duration latency = state.latency(number);
        // Delaying the response object holds its headers and body alike, on a timer rather than a server thread.
        Mono<MutableHttpResponse<?>> late = latency.isZero() ? answer : answer.delayUntil(any -> time.after(latency));
        return late.doOnNext(response -> state.requestLog().answered(new LoggedRequest(number, arrived, path,
                customerId(path), response.getStatus().getCode(), time.now())));
    }

    private static Optional<String> customerId(String path) {
        Matcher matcher = CUSTOMER_ID.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
