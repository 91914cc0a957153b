package dev.pcorders.application.order.port.out;

import dev.pcorders.domain.order.OrderPage;
import dev.pcorders.domain.order.OrderQuery;
import java.util.stream.Stream;

/** Partner Center, as the place orders come from. */
public interface OrderGateway {

    /**
     * The orders of one query, page by page. The stream is lazy: each page is requested when the
     * consumer reaches it, so memory does not grow with the number of pages, and a failure surfaces
     * as a {@link PartnerCenterException} from the stream operation that asked for the page.
     * Close the stream (try-with-resources) to release a connection when stopping early.
     *
     * @throws PartnerCenterException when Partner Center refuses, fails or answers nonsense
     */
    Stream<OrderPage> fetchOrders(OrderQuery query);
}
