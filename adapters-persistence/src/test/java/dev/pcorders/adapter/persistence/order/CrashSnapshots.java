package dev.pcorders.adapter.persistence.order;

import static dev.pcorders.domain.order.TestOrders.CREATED;
import static dev.pcorders.domain.order.TestOrders.CUSTOMER;
import static dev.pcorders.domain.order.TestOrders.aLineItem;
import static dev.pcorders.domain.order.TestOrders.anOrder;

import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The snapshots the crash tests write, computed the same way in the test and in the child JVM it
 * kills, so the test knows every order the child would have stored without the child telling it.
 */
final class CrashSnapshots {

    static final OrderScope SCOPE = OrderScope.allOrdersOf(CUSTOMER);
    static final int LINE_ITEMS = 5;
    static final int PER_PAGE = 500;
    /** The snapshot committed before the child starts. */
    static final int SMALL = 1_000;
    /**
     * The snapshot the child is killed while writing: twenty pages, each a real step of work (50,000
     * line items in all). The kills need no slow write; this size keeps the whole class near half a minute.
     */
    static final int LARGE = 10_000;
    /** Orders of the small snapshot the large one changes (every tenth gets other quantities). */
    static final int CHANGED_BY_LARGE = SMALL / 10;

    private CrashSnapshots() {
    }

    /** Order {@code index} as snapshot {@code version} holds it; ids and creation dates sort in index order. */
    static Order order(int index, int version) {
        List<OrderLineItem> items = new ArrayList<>(LINE_ITEMS);
        for (int number = 0; number < LINE_ITEMS; number++) {
            int quantity = 1 + (index + number) % 7 + (index % 10 == 0 ? version : 0);
            items.add(aLineItem(number).quantity(quantity).build());
        }
        return anOrder(String.format("ord-%06d", index))
                .creationDate(CREATED.plus(Duration.ofSeconds(index)))
                .lineItems(items)
                .build();
    }

    static List<Order> snapshot(int orders, int version) {
        return IntStream.range(0, orders).mapToObj(index -> order(index, version)).toList();
    }

    /** Told where the writer is: every call comes when the pages before it are written and none after. */
    interface PageListener {
        /** Told nothing, for syncs whose progress does not matter. */
        PageListener NONE = new PageListener() {
            @Override
            public void beforePage(int pageNumber) {
            }

            @Override
            public void beforeEnd(int pages) {
            }
        };

        /** The writer asks for page {@code pageNumber}; the page is made after this returns. */
        void beforePage(int pageNumber);

        /** The writer has written all {@code pages} and is about to finish the snapshot and commit. */
        void beforeEnd(int pages);
    }

    /** Pages made only when the writer asks for them, so the writer sees a slow source page by page. */
    static Iterator<Page<Order>> pages(int orders, int version, PageListener listener) {
        return new Iterator<>() {
            private int nextIndex;
            private int pageNumber;
            private boolean endAnnounced;

            @Override
            public boolean hasNext() {
                boolean more = nextIndex < orders;
                if (!more && !endAnnounced) {
                    endAnnounced = true;
                    listener.beforeEnd(pageNumber);
                }
                return more;
            }

            @Override
            public Page<Order> next() {
                if (nextIndex >= orders) {
                    throw new NoSuchElementException();
                }
                listener.beforePage(++pageNumber);
                int end = Math.min(orders, nextIndex + PER_PAGE);
                List<Order> page = IntStream.range(nextIndex, end).mapToObj(index -> order(index, version)).toList();
                nextIndex = end;
                return new Page<>(pageNumber, page, OptionalInt.of(orders));
            }
        };
    }
}
