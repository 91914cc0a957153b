package dev.pcorders.sandbox;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A customer's subscriptions collection produced a chunk at a time, order by order, as {@link CollectionBody} does
 * for orders: a customer with a million orders never has its subscriptions in memory. The count comes first in the
 * body, so the orders are walked twice (once counting line items, once writing).
 */
final class SubscriptionsBody {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final OrderGenerator orders;
    private final SubscriptionGenerator subscriptions;
    private final SandboxCustomer customer;
    private final Optional<String> orderId;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CollectionBody.CHUNK_BYTES + 8 * 1024);
    private final JsonGenerator json;
    private int cursor;
    private boolean started;
    private boolean finished;

    SubscriptionsBody(OrderGenerator orders, SubscriptionGenerator subscriptions, SandboxCustomer customer,
                      Optional<String> orderId) {
        this.orders = orders;
        this.subscriptions = subscriptions;
        this.customer = customer;
        this.orderId = orderId;
        try {
            this.json = JSON.createGenerator(buffer, JsonEncoding.UTF8);
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
    }

    private boolean selected(GeneratedOrder order) {
        return orderId.isEmpty() || orderId.get().equals(order.id());
    }

    private int count() {
        int count = 0;
        for (int i = 0; i < customer.orderCount(); i++) {
            GeneratedOrder order = orders.order(customer.index(), i);
            if (selected(order)) {
                for (GeneratedOrder.LineItem item : order.lineItems()) {
                    if (item.subscriptionId().isPresent()) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The next piece of the body, or null once it has all been produced. */
    byte[] nextChunk() {
        if (finished) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                json.writeStartObject();
                json.writeNumberField("totalCount", count());
                json.writeArrayFieldStart("items");
            }
            while (cursor < customer.orderCount() && buffer.size() < CollectionBody.CHUNK_BYTES) {
                GeneratedOrder order = orders.order(customer.index(), cursor++);
                if (selected(order)) {
                    for (GeneratedSubscription subscription : subscriptions.subscriptions(order, customer)) {
                        WireWriter.writeSubscription(json, subscription);
                    }
                }
                json.flush();
            }
            if (cursor >= customer.orderCount()) {
                json.writeEndArray();
                json.writeObjectFieldStart("links");
                WireWriter.writeLink(json, "self", "/customers/" + customer.id() + "/subscriptions"
                        + orderId.map(id -> "?order_id=" + id).orElse(""), "GET", List.of());
                json.writeEndObject();
                json.writeObjectFieldStart("attributes");
                json.writeStringField("objectType", "Collection");
                json.writeEndObject();
                json.writeEndObject();
                json.close();
                finished = true;
            }
            json.flush();
            byte[] chunk = buffer.toByteArray();
            buffer.reset();
            return chunk;
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
    }

    long writeTo(OutputStream out) throws IOException {
        long written = 0;
        for (byte[] chunk = nextChunk(); chunk != null; chunk = nextChunk()) {
            out.write(chunk);
            written += chunk.length;
        }
        return written;
    }
}
