package dev.pcorders.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * {@code GET /v1/customers?size=N}, the partner's customers a page at a time. Same authentication, headers and error
 * shapes as the orders endpoint; faults come from {@link FaultPlan#customersFault()}, never from the orders schedule.
 * Its helpers serve {@link SubscriptionsController} too.
 */
@Controller
@Requires(property = SandboxServer.ENABLED_PROPERTY, value = "true")
final class CustomersController {

    /** Microsoft's samples ask for 40. */
    static final int DEFAULT_SIZE = 40;
    static final int MAX_SIZE = 500;

    private final SandboxState state;

    CustomersController(SandboxState state) {
        this.state = state;
    }

    static Optional<MutableHttpResponse<Publisher<byte[]>>> unauthorized(HttpRequest<?> request,
                                                                               Responses.Echo echo) {
        Optional<String> authorization = Responses.header(request, HttpHeaders.AUTHORIZATION);
        if (authorization.isEmpty() || !OrdersController.BEARER.matcher(authorization.get()).matches()) {
            return Optional.of(Responses.unauthorized(echo, "800001",
                    "Authorization failed: the request must carry 'Authorization: Bearer <access token>'."));
        }
        return Optional.empty();
    }

    static MutableHttpResponse<Publisher<byte[]>> badRequest(Responses.Echo echo, String description) {
        return Responses.error(echo, HttpStatus.BAD_REQUEST, OrdersController.BAD_INPUT, description);
    }

    @Get("/v1/customers")
    MutableHttpResponse<Publisher<byte[]>> customers(HttpRequest<?> request) {
        Responses.Echo echo = Responses.Echo.of(request);
        Optional<MutableHttpResponse<Publisher<byte[]>>> refused = unauthorized(request, echo);
        if (refused.isPresent()) {
            return refused.get();
        }
        int size = DEFAULT_SIZE;
        Optional<String> sizeText = OrdersController.parameter(request, "size");
        if (sizeText.isPresent()) {
            try {
                size = Integer.parseInt(sizeText.get());
            } catch (NumberFormatException notANumber) {
                return badRequest(echo, "The value '" + sizeText.get() + "' is not valid for size (1 to " + MAX_SIZE + ").");
            }
            if (size < 1 || size > MAX_SIZE) {
                return badRequest(echo, "The value '" + sizeText.get() + "' is not valid for size (1 to " + MAX_SIZE + ").");
            }
        }
        int from = 0;
        Optional<String> seek = OrdersController.parameter(request, "seekOperation");
        if (seek.isPresent()) {
            if (!"next".equals(seek.get().toLowerCase(Locale.ROOT))) {
                return badRequest(echo, "seekOperation '" + seek.get() + "' is not supported; only 'Next' is.");
            }
            Optional<String> token = Responses.header(request, OrdersController.CONTINUATION_TOKEN);
            if (token.isEmpty()) {
                return badRequest(echo, "seekOperation=Next requires the " + OrdersController.CONTINUATION_TOKEN
                        + " header of the previous page's next link.");
            }
            OptionalInt index = state.data().customersTokenIndex(token.get());
            if (index.isEmpty()) {
                return badRequest(echo, "The " + OrdersController.CONTINUATION_TOKEN
                        + " is not valid for the customer list.");
            }
            from = index.getAsInt();
        }
        FaultPlan plan = state.settings().faults();
        FaultKind fault = state.customersFault(from / size + 1);
        MutableHttpResponse<Publisher<byte[]>> failed = OrdersController.statusFault(fault, request, echo, plan);
        if (failed != null) {
            return failed;
        }
        byte[] body = state.data().customersPage(from, size);
        return shaped(request, echo, fault, plan, Flux.just(body), body);
    }

    /** The normal answer, cut (TRUNCATED_BODY: {@code firstChunk} is what is cut) or held back (DELAY) as the fault says. */
    static MutableHttpResponse<Publisher<byte[]>> shaped(HttpRequest<?> request, Responses.Echo echo,
                                                                FaultKind fault, FaultPlan plan, Flux<byte[]> body,
                                                                byte[] firstChunk) {
        if (fault == FaultKind.TRUNCATED_BODY) {
            OrdersController.truncate(request, echo, firstChunk);
            return echo.applyTo(HttpResponse.<Publisher<byte[]>>ok(Flux.never()).contentType(Responses.JSON));
        }
        Flux<byte[]> sent = fault == FaultKind.DELAY ? body.delaySubscription(plan.delay()) : body;
        return echo.applyTo(HttpResponse.<Publisher<byte[]>>ok(sent).contentType(Responses.JSON));
    }
}
