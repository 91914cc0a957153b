package dev.pcorders.adapter.http.order;

import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.shared.Page;
import java.io.InputStream;

/**
 * The gateway's own decoding of Partner Center orders JSON, for bodies that did not come through the
 * gateway (a saved response, a benchmark). Reads bytes, never a String. A body that breaks the
 * contract throws a {@link MalformedResponse} naming where; a partial result is never returned.
 * Obtain one from {@link PartnerCenterOrderGateways#decoder()}; it is safe to share between threads.
 */
public interface OrderDocumentDecoder {

    /** A {@code ResourceCollection<Order>} document as the given page of a fetch. */
    Page<Order> decodeCollection(InputStream body, int pageNumber);

    /** A single order document. */
    Order decodeOrder(InputStream body);
}
