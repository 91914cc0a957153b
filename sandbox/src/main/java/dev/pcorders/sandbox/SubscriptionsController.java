package dev.pcorders.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * {@code GET /v1/customers/{customerId}/subscriptions} (optionally {@code ?order_id=}): a customer's subscriptions,
 * made from its orders' line items, unpaged as documented. Same authentication, headers and error shapes as the
 * orders endpoint (404 60003 for an unknown customer); faults come from {@link FaultPlan#subscriptionsFaults()},
 * never from the orders schedule.
 */
@Controller
@Requires(property = SandboxServer.ENABLED_PROPERTY, value = "true")
final class SubscriptionsController {

    private final SandboxState state;

    SubscriptionsController(SandboxState state) {
        this.state = state;
    }

    @Get("/v1/customers/{customerId}/subscriptions")
    MutableHttpResponse<Publisher<byte[]>> subscriptions(HttpRequest<?> request, String customerId) {
        Responses.Echo echo = Responses.Echo.of(request);
        Optional<MutableHttpResponse<Publisher<byte[]>>> refused = CustomersController.unauthorized(request, echo);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!OrdersController.GUID.matcher(customerId).matches()) {
            return CustomersController.badRequest(echo, "The customer id '" + customerId + "' is not a valid tenant id (a GUID).");
        }
        FaultPlan plan = state.settings().faults();
        FaultKind fault = state.subscriptionsFault(customerId);
        MutableHttpResponse<Publisher<byte[]>> failed = OrdersController.statusFault(fault, request, echo, plan);
        if (failed != null) {
            return failed;
        }
        Optional<SandboxCustomer> found = state.data().customer(customerId);
        if (found.isEmpty()) {
            return Responses.error(echo, HttpStatus.NOT_FOUND, "60003",
                    "Tenant not found: no customer with tenant id " + customerId + ".");
        }
        SubscriptionsBody body = state.data().subscriptionsBody(found.get(),
                OrdersController.parameter(request, "order_id"));
        Flux<byte[]> chunks = Flux.generate(sink -> {
            byte[] chunk = body.nextChunk();
            if (chunk == null) {
                sink.complete();
            } else {
                sink.next(chunk);
            }
        });
        if (fault == FaultKind.TRUNCATED_BODY) {
            return CustomersController.shaped(request, echo, fault, plan, chunks, body.nextChunk());
        }
        return CustomersController.shaped(request, echo, fault, plan, chunks, null);
    }
}
