package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.adapter.http.auth.AccessToken;
import dev.pcorders.adapter.http.auth.AccessTokenException;
import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unauthorized;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.Link;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.RawHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The Partner Center conversation every resource shares: the headers, the bounded retries, the one
 * token refresh after a 401, the mapping of failures to the port's exceptions and the following of
 * {@code links.next}. Resource adapters (orders today) add only their path, query and body decoder.
 * Owns a Micronaut HTTP client with its own event loop: close it when done.
 */
public final class PartnerCenterHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerCenterHttp.class);

    static final String CORRELATION_ID = "MS-CorrelationId";
    static final String REQUEST_ID = "MS-RequestId";
    static final String CORRELATION_VECTOR = "MS-CV";
    static final String LOCALE = "X-Locale";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerCenterClientSettings settings;
    private final AccessTokenProvider tokens;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RawHttpClient client;

    private PartnerCenterHttp(PartnerCenterClientSettings settings, AccessTokenProvider tokens, Clock clock,
            Sleeper sleeper, RawHttpClient client) {
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
        this.sleeper = sleeper;
        this.client = client;
    }

    /** Opens a client with the system clock and real sleeps. */
    public static PartnerCenterHttp open(PartnerCenterClientSettings settings, AccessTokenProvider tokens) {
        return open(settings, tokens, Clock.systemUTC(), Sleeper.THREAD);
    }

    /** Opens a client whose retry waits go through {@code sleeper} and whose deadline reads {@code clock}. */
    public static PartnerCenterHttp open(PartnerCenterClientSettings settings, AccessTokenProvider tokens, Clock clock,
            Sleeper sleeper) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(settings.connectTimeout());
        // A read timeout on the connection: between two pieces of a body as much as before its headers.
        configuration.setReadTimeout(settings.readTimeout());
        // Never follow a redirect: the Authorization header would go along to wherever it points.
        configuration.setFollowRedirects(false);
        // Error statuses come back as responses, so their bodies are read here and never escape as
        // Micronaut's HttpClientResponseException.
        configuration.setExceptionOnErrorStatus(false);
        configuration.setShutdownTimeout(Duration.ofMillis(200));
        // The raw client hands the body over as it arrives (the buffered exchange would hold it whole).
        return new PartnerCenterHttp(settings, tokens, clock, sleeper, RawHttpClient.create(settings.baseUrl(), configuration));
    }

    public PartnerCenterClientSettings settings() {
        return settings;
    }

    /**
     * The resources of a collection, one page at a time: the first request is made when the stream's
     * consumer asks for the first page, the next one when it asks for the next. Failures surface as
     * {@link PartnerCenterException} from the stream operation that asked.
     *
     * @param path the resource path below {@code /v{apiVersion}}, already encoded, with its query
     */
    public <T> Stream<T> pages(String path, CorrelationId correlationId, PageDecoder<T> decoder) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(decoder, "decoder");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /");
        }
        URI first = URI.create(settings.versionedRoot() + path);
        PagedFetch<T> fetch = new PagedFetch<>(this, first, correlationId, decoder, settings.maxPages());
        return StreamSupport.stream(fetch, false).onClose(fetch::close);
    }

    /**
     * One logical GET: a new MS-RequestId that stays the same across its retries, MS-CV
     * {@code <base>.<attempt>}, retries within the policy, one token refresh after a 401.
     *
     * @param firstRead reads what is wanted of a 2xx response before anything is handed on; if the connection fails
     *                  meanwhile ({@link PartnerCenterResponse#cutInTransit()}), that is a failed attempt and retried
     * @return what {@code firstRead} returned; the response stays open for the rest of its body. On failure the
     *         response is closed.
     * @throws PartnerCenterException for anything else
     */
    <R> R get(URI uri, CorrelationId correlationId, List<Link.Header> replayedHeaders,
            Function<PartnerCenterResponse, R> firstRead) {
        String requestId = UUID.randomUUID().toString();
        String vectorBase = newVectorBase();
        String what = "GET " + uri.getRawPath();
        RetryBudget retries = new RetryBudget(settings.retryPolicy(), clock, sleeper, what, requestId);
        AccessToken token = null;
        boolean refreshedAfter401 = false;
        int sent = 0;
        while (true) {
            if (token == null) {
                // A token endpoint that is briefly down is retried like Partner Center itself, within the same budget.
                try {
                    token = token(what, correlationId, requestId, null);
                } catch (Unavailable tokenUnavailable) {
                    RequestIdsSent ids = new RequestIdsSent(correlationId.toString(), requestId, vectorBase + "." + sent);
                    Duration wait = retries.afterFailure(Optional.empty()).orElseThrow(() -> tokenUnavailable);
                    LOG.warn("{}: no access token yet (attempt {} of {}) [MS-RequestId {}]; retrying in {} ms", what,
                            retries.failedAttempts(), retries.maxAttempts(), requestId, wait.toMillis());
                    retries.pause(wait, ids::asError);
                    continue;
                }
            }
            sent++;
            String vector = vectorBase + "." + sent;
            RequestIdsSent ids = new RequestIdsSent(correlationId.toString(), requestId, vector);
            awaitTurn(ids);
            Attempt attempt = send(uri, token, ids, replayedHeaders);
            if (attempt.response() != null && attempt.response().status() == 429) {
                settings.requestPacer().throttled(attempt.response().retryAfter());
            }
            if (attempt.response() != null && attempt.response().status() >= 200 && attempt.response().status() < 300) {
                settings.requestPacer().succeeded();
                try {
                    return firstRead.apply(attempt.response());
                } catch (RuntimeException e) {
                    attempt.response().close();
                    if (!attempt.response().cutInTransit()) {
                        throw e;
                    }
                    attempt = Attempt.failed(e);
                }
            }
            if (attempt.response() != null && attempt.response().status() == 401 && !refreshedAfter401) {
                refreshedAfter401 = true;
                LOG.info("{} answered 401 [MS-RequestId {}]; refreshing the access token once", what, requestId);
                token = token(what, correlationId, requestId, token);
                continue;
            }
            boolean retryable = attempt.failure() != null || RetryBudget.isRetried(attempt.response().status());
            if (!retryable) {
                throw ErrorResponses.toException(attempt.response(), what);
            }
            Optional<Duration> retryAfter = attempt.response() == null ? Optional.empty() : attempt.response().retryAfter();
            boolean throttledWhilePaced = attempt.response() != null && attempt.response().status() == 429
                    && settings.requestPacer().limitPerMinute() > 0;
            Optional<Duration> wait = throttledWhilePaced ? retries.afterThrottledWhilePaced(retryAfter)
                    : retries.afterFailure(retryAfter);
            if (wait.isEmpty()) {
                if (attempt.failure() instanceof Unavailable cutOff) {
                    throw new Unavailable(cutOff.getMessage() + ", and the retry budget ran out", cutOff.error(), cutOff);
                }
                throw attempt.response() != null ? ErrorResponses.toException(attempt.response(), what)
                        : new Unavailable(what + " failed: " + attempt.failureDescription()
                                + " and the retry budget ran out", ids.asError(), attempt.failure());
            }
            if (throttledWhilePaced) {
                LOG.info("{} throttled (429, {} so far); the tenant's requests pause [MS-RequestId {}]; retrying in {} ms",
                        what, retries.throttledAttempts(), requestId, wait.get().toMillis());
            } else {
                LOG.warn("{} attempt {} of {} failed ({}) [MS-RequestId {}]; retrying in {} ms", what,
                        retries.failedAttempts(), retries.maxAttempts(), attempt.response() != null
                                ? "HTTP " + attempt.response().status() : attempt.failureDescription(), requestId,
                        wait.get().toMillis());
            }
            retries.pause(wait.get(), ids::asError);
        }
    }

    /** Every attempt, retries included, waits for the tenant's turn: a retry is a request like any other. */
    private void awaitTurn(RequestIdsSent ids) {
        try {
            settings.requestPacer().awaitTurn(sleeper);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the tenant's rate limit", ids.asError(), e);
        }
    }

    private AccessToken token(String what, CorrelationId correlationId, String requestId, AccessToken rejected) {
        try {
            return rejected == null ? tokens.currentToken() : tokens.refreshedToken(rejected);
        } catch (AccessTokenException e) {
            PartnerCenterError error = new PartnerCenterError(OptionalInt.empty(), e.oauthError(), Optional.of(e.getMessage()),
                    List.of(), Optional.of("token endpoint"), Optional.empty(), Optional.of(correlationId.toString()),
                    Optional.of(requestId), Optional.empty(), Optional.empty());
            if (e.isTransient()) {
                throw new Unavailable(what + ": no access token could be obtained", error, e);
            }
            throw new Unauthorized(what + ": no access token could be obtained", error);
        }
    }

    private Attempt send(URI uri, AccessToken token, RequestIdsSent ids, List<Link.Header> replayedHeaders) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri)
                .header(HttpHeaders.AUTHORIZATION, token.bearerHeader())
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .header(HttpHeaders.USER_AGENT, ProductVersion.USER_AGENT)
                .header(CORRELATION_ID, ids.correlationId)
                .header(REQUEST_ID, ids.requestId)
                .header(CORRELATION_VECTOR, ids.vector);
        settings.locale().ifPresent(locale -> request.header(LOCALE, locale.toLanguageTag()));
        for (Link.Header header : replayedHeaders) {
            if (NextLinks.isReplayed(header)) {
                request.header(header.key(), header.value());
            }
        }
        long sentAt = System.nanoTime();
        try {
            HttpResponse<?> response = Mono.from(client.exchange(request, null, Thread.currentThread()))
                    // As the buffered exchange did: the headers are due within the read timeout, and a second more.
                    .timeout(partTimeout())
                    .onErrorMap(TimeoutException.class, timeout -> ReadTimeoutException.TIMEOUT_EXCEPTION)
                    .block();
            return Attempt.of(toResponse(uri, response, ids, sentAt));
        } catch (HttpClientException e) {
            Optional<Throwable> refusedCertificate = causeOfType(e, SSLPeerUnverifiedException.class,
                    CertificateException.class, CertPathValidatorException.class, CertPathBuilderException.class);
            if (refusedCertificate.isPresent()) {
                // An untrusted or mismatched certificate does not go away by itself; retrying would only spend
                // the deadline. A handshake cut off by the network (also an SSLHandshakeException) is retried.
                throw new Unavailable("GET " + uri.getRawPath() + ": the TLS handshake with " + uri.getHost()
                        + " failed and was not retried: its certificate was refused ("
                        + refusedCertificate.get().getMessage() + ")", ids.asError(), e);
            }
            // Connection refused or reset, read timeout, an error body cut short: all transient.
            return Attempt.failed(e);
        }
    }

    private PartnerCenterResponse toResponse(URI uri, HttpResponse<?> response, RequestIdsSent ids, long sentAt) {
        Optional<String> contentType = response.getHeaders().get(HttpHeaders.CONTENT_TYPE, String.class);
        PartnerCenterResponse.RequestIds echoed = new PartnerCenterResponse.RequestIds(
                Optional.ofNullable(response.getHeaders().get(CORRELATION_ID)).or(() -> Optional.of(ids.correlationId)),
                Optional.ofNullable(response.getHeaders().get(REQUEST_ID)).or(() -> Optional.of(ids.requestId)),
                Optional.ofNullable(response.getHeaders().get(CORRELATION_VECTOR)).or(() -> Optional.of(ids.vector)));
        Optional<Duration> retryAfter = RetryAfter.parse(response.getHeaders().get(HttpHeaders.RETRY_AFTER), clock.instant());
        // code(), not getStatus(): getStatus() throws for a code Micronaut has no constant for (499, 520, ...).
        int status = response.code();
        if (status < 200 || status >= 300) {
            return PartnerCenterResponse.buffered(uri, status, contentType, ReceivedBodies.errorBody(response), echoed,
                    retryAfter);
        }
        PartnerCenterResponse streamed = PartnerCenterResponse.streamed(uri, status, contentType,
                ReceivedBodies.arriving(response), settings.maxBodyBytes(), partTimeout(), sentAt, echoed, retryAfter);
        long declared = response.getContentLength();
        if (declared > settings.maxBodyBytes()) {
            streamed.close();
            throw ArrivingBody.tooLarge(streamed, settings.maxBodyBytes(), "its Content-Length is " + declared);
        }
        return streamed;
    }

    /** As the buffered exchange bounded a whole response: the read timeout and a second. */
    private Duration partTimeout() {
        return settings.readTimeout().plusSeconds(1);
    }

    @SafeVarargs
    private static Optional<Throwable> causeOfType(Throwable failure, Class<? extends Throwable>... types) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return Optional.of(cause);
                }
            }
        }
        return Optional.empty();
    }

    private static String newVectorBase() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        // A correlation vector base is 16 base64 characters.
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the HTTP client failed", e);
        }
    }

    /** The ids this client sent with one attempt, for errors where no response came back. */
    private record RequestIdsSent(String correlationId, String requestId, String vector) {
        PartnerCenterError asError() {
            return new PartnerCenterError(OptionalInt.empty(), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.of(correlationId), Optional.of(requestId),
                    Optional.of(vector), Optional.empty());
        }
    }

    /** The innermost cause of a transport failure, as a short line. */
    static String describeFailure(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + (detail.length() > 200 ? detail.substring(0, 200) : detail);
    }
}
