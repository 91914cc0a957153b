package dev.pcorders.application.order.port.out;

import dev.pcorders.domain.order.OrderPage;
import dev.pcorders.domain.order.OrderQuery;
import java.util.stream.Stream;

/** Partner Center, as the place orders come from. */
public interface OrderGateway {

    /**
     * The orders of one query, page by page. The stream is lazy: each page is requested (or, within one
     * large response, read) when the consumer reaches it, so memory grows neither with the number of pages
     * nor with a response's size. Parts of one response share its {@code pageNumber}. A failure surfaces
     * as a {@link PartnerCenterException} from the stream operation that asked for the page.
     * Close the stream (try-with-resources) to release a connection when stopping early.
     *
     * @throws PartnerCenterException when Partner Center refuses, fails or answers nonsense
     */
    Stream<OrderPage> fetchOrders(OrderQuery query);
}
