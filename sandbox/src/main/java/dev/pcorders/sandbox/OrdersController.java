package dev.pcorders.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/** {@code GET /v1/customers/{customerId}/orders}; the customers list and subscriptions are {@link CustomersController}'s. */
@Controller
@Requires(property = SandboxServer.ENABLED_PROPERTY, value = "true")
final class OrdersController {

    static final String CONTINUATION_TOKEN = "MS-ContinuationToken";
    private static final Logger LOG = LoggerFactory.getLogger(OrdersController.class);
    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+.*");
    static final String BAD_INPUT = "800002";

    /** A request the sandbox refuses: the reason becomes a 400 body. */
    private static final class BadRequest extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    private final SandboxState state;

    OrdersController(SandboxState state) {
        this.state = state;
    }

    @Get("/v1/customers/{customerId}/orders")
    MutableHttpResponse<Publisher<byte[]>> orders(HttpRequest<?> request, String customerId) {
        Responses.Echo echo = Responses.Echo.of(request);
        Optional<String> authorization = Responses.header(request, HttpHeaders.AUTHORIZATION);
        if (authorization.isEmpty() || !BEARER.matcher(authorization.get()).matches()) {
            return (Responses.unauthorized(echo, "800001",
                    "Authorization failed: the request must carry 'Authorization: Bearer <access token>'."));
        }
        FaultKind fault = state.nextFault();
        FaultPlan plan = state.settings().faults();
        MutableHttpResponse<Publisher<byte[]>> failed = statusFault(fault, request, echo, plan);
        if (failed != null) {
            return failed;
        }
        MutableHttpResponse<Publisher<byte[]>> response;
        try {
            response = answer(request, customerId, echo, fault == FaultKind.TRUNCATED_BODY);
        } catch (BadRequest bad) {
            response = Responses.error(echo, HttpStatus.BAD_REQUEST, BAD_INPUT, bad.getMessage());
        }
        if (fault == FaultKind.DELAY) {
            // Headers go out with the first piece of the body, so holding the body back holds the whole response.
            Flux<byte[]> body = response.getBody().map(Flux::from).orElseGet(Flux::empty);
            response.body(body.delaySubscription(plan.delay()));
        }
        return response;
    }

    /**
     * The answer for a fault that replaces the normal answer (a status, a reset), or null for NONE, DELAY and
     * TRUNCATED_BODY, which shape the normal answer instead. Shared by every endpoint of the sandbox.
     */
    static MutableHttpResponse<Publisher<byte[]>> statusFault(FaultKind fault, HttpRequest<?> request,
                                                              Responses.Echo echo, FaultPlan plan) {
        switch (fault) {
            case THROTTLED:
                return (Responses.throttled(echo, plan.retryAfterSeconds()));
            case INTERNAL_ERROR_JSON:
                return (Responses.error(echo, HttpStatus.INTERNAL_SERVER_ERROR, "500",
                        "An unexpected error occurred while processing the request."));
            case INTERNAL_ERROR_HTML:
                return (Responses.html(echo, HttpStatus.INTERNAL_SERVER_ERROR));
            case UNAVAILABLE_JSON:
                return (Responses.error(echo, HttpStatus.SERVICE_UNAVAILABLE, "503",
                        "The service is temporarily unavailable. Please retry later.")
                        .header(HttpHeaders.RETRY_AFTER, Integer.toString(plan.retryAfterSeconds())));
            case UNAVAILABLE_HTML:
                return (Responses.html(echo, HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, Integer.toString(plan.retryAfterSeconds())));
            case TOKEN_EXPIRED:
                return (Responses.unauthorized(echo, "800001", "The access token has expired."));
            case FORBIDDEN:
                return (Responses.error(echo, HttpStatus.FORBIDDEN, "20002",
                        "The partner does not have a commerce relationship with this customer."));
            case CONNECTION_RESET:
                reset(request);
                return Responses.error(echo, HttpStatus.SERVICE_UNAVAILABLE, "503", "connection reset");
            default:
                return null;
        }
    }

    private MutableHttpResponse<Publisher<byte[]>> answer(HttpRequest<?> request, String customerId, Responses.Echo echo,
                                          boolean truncate) {
        if (!GUID.matcher(customerId).matches()) {
            throw new BadRequest("The customer id '" + customerId + "' is not a valid tenant id (a GUID).");
        }
        OrdersQuery query = new OrdersQuery(
                parameter(request, "indirect_reseller_id"),
                billingType(request),
                flag(request, "include_price"),
                flag(request, "include_system_purchases"));
        Optional<SandboxCustomer> found = state.data().customer(customerId);
        if (found.isEmpty()) {
            return Responses.error(echo, HttpStatus.NOT_FOUND, "60003",
                    "Tenant not found: no customer with tenant id " + customerId + ".");
        }
        SandboxCustomer customer = found.get();
        query = withResellerAsWrittenOnLineItems(query, customer);
        int from = startIndex(request, customer, query);
        OrderPage page = state.data().page(customer.index(), query, from, state.settings().pageSize());
        CollectionBody body = state.data().body(customer, page);
        Flux<byte[]> chunks = Flux.generate(sink -> {
            byte[] chunk = body.nextChunk();
            if (chunk == null) {
                sink.complete();
            } else {
                state.chunkServed(chunk.length);
                sink.next(chunk);
            }
        });
        if (truncate) {
            truncate(request, echo, body.nextChunk());
            return echo.applyTo(HttpResponse.<Publisher<byte[]>>ok(Flux.never()).contentType(Responses.JSON));
        }
        return echo.applyTo(HttpResponse.<Publisher<byte[]>>ok(chunks).contentType(Responses.JSON));
    }

    /**
     * Partner Center takes the reseller's tenant id (a GUID) and matches line items that name the reseller by MPN id.
     * A GUID of no reseller of this customer matches nothing; an MPN id is taken as is, as earlier sandbox users sent it.
     */
    private static OrdersQuery withResellerAsWrittenOnLineItems(OrdersQuery query, SandboxCustomer customer) {
        Optional<String> reseller = query.indirectResellerId();
        if (reseller.isEmpty() || !GUID.matcher(reseller.get()).matches()) {
            return query;
        }
        return query.withIndirectResellerId(customer.resellerMpnId(reseller.get()).orElse("no reseller " + reseller.get()));
    }

    private int startIndex(HttpRequest<?> request, SandboxCustomer customer, OrdersQuery query) {
        Optional<String> seek = parameter(request, "seekOperation");
        if (seek.isEmpty()) {
            return 0;
        }
        if (!"next".equals(seek.get().toLowerCase(Locale.ROOT))) {
            throw new BadRequest("seekOperation '" + seek.get() + "' is not supported; only 'Next' is.");
        }
        Optional<String> token = Responses.header(request, CONTINUATION_TOKEN);
        if (token.isEmpty()) {
            throw new BadRequest("seekOperation=Next requires the " + CONTINUATION_TOKEN
                    + " header of the previous page's next link.");
        }
        OptionalInt index = ContinuationTokens.decode(state.settings().seed(), token.get(), customer.index(),
                query.filterKey());
        if (index.isEmpty()) {
            throw new BadRequest("The " + CONTINUATION_TOKEN + " is not valid for this customer and query.");
        }
        return index.getAsInt();
    }

    static Optional<String> parameter(HttpRequest<?> request, String name) {
        return Optional.ofNullable(request.getParameters().get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static boolean flag(HttpRequest<?> request, String name) {
        Optional<String> value = parameter(request, name);
        if (value.isEmpty()) {
            return false;
        }
        String text = value.get().toLowerCase(Locale.ROOT);
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw new BadRequest("The value '" + value.get() + "' is not valid for " + name + " (true or false).");
    }

    private static OptionalInt billingType(HttpRequest<?> request) {
        Optional<String> value = parameter(request, "billingType");
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(BillingCycleCode.parse(value.get())
                .orElseThrow(() -> new BadRequest("The value '" + value.get() + "' is not valid for billingType."))
                .code());
    }

    /**
     * Sends a 200 whose chunked body stops in the middle of its first chunk, then closes the connection.
     * The bytes go in below Micronaut's HTTP encoder: an error in a streamed body makes Micronaut drop the
     * connection without flushing, so the client would see no response at all instead of a cut one.
     */
    static void truncate(HttpRequest<?> request, Responses.Echo echo, byte[] firstChunk) {
        byte[] half = Arrays.copyOf(firstChunk, Math.max(1, firstChunk.length / 2));
        String head = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + Responses.CORRELATION_ID + ": " + echo.correlationId() + "\r\n"
                + Responses.REQUEST_ID + ": " + echo.requestId() + "\r\n"
                + "\r\n"
                + Integer.toHexString(firstChunk.length) + "\r\n";
        channel(request).ifPresent(channel -> {
            ChannelHandlerContext wire = channel.pipeline().firstContext();
            wire.write(Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII));
            wire.writeAndFlush(Unpooled.wrappedBuffer(half)).addListener(ChannelFutureListener.CLOSE);
        });
    }

    /** Closes the connection with a TCP reset (SO_LINGER 0) before anything is written. */
    static void reset(HttpRequest<?> request) {
        channel(request).ifPresent(channel -> {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        });
    }

    private static Optional<Channel> channel(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest) {
            return Optional.of(((NettyHttpRequest<?>) request).getChannelHandlerContext().channel());
        }
        LOG.warn("no network channel behind a {}: connection faults are not applied", request.getClass().getName());
        return Optional.empty();
    }
}
