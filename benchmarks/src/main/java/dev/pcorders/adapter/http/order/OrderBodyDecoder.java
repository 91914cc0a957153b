package dev.pcorders.adapter.http.order;

import dev.pcorders.domain.order.OrderPage;
import java.io.ByteArrayInputStream;

/**
 * The gateway's own decoder, reachable from the benchmarks. {@link OrderJsonDecoder} is package-private
 * and adapters-http exposes no decode-only entry point (its public one needs an HTTP client and a
 * server), so this class sits in the adapter's package name; it lives only in the benchmarks module.
 * The body is read the way the gateway reads a response: a stream over the received bytes.
 */
public final class OrderBodyDecoder {

    private final OrderJsonDecoder decoder = new OrderJsonDecoder();

    /** One orders collection document, as page 1. */
    public OrderPage decode(byte[] body) {
        return decoder.decodeCollection(new ByteArrayInputStream(body), 1);
    }
}
