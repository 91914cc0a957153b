package dev.pcorders.domain.reconciliation;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderLineItem;
import dev.pcorders.domain.shared.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cached side of a reconciliation, keyed for matching: the orders that take part, each under every reference
 * the ledger may name it by, and the references of the orders that do not take part because they were created
 * outside the window.
 */
final class CachedOrderIndex {

    private static final int OFFER_KEYS_KEPT = 4096;

    /** A reference the ledger may name an order by (its id or its alternate id), of one customer; compared exactly. */
    record Reference(CustomerId customer, String reference) {
    }

    /** Orders by creation date, then id: within a customer, no two cached orders tie. */
    private static final Comparator<CachedOrder> OLDER_FIRST =
            Comparator.comparing((CachedOrder order) -> order.created).thenComparing(order -> order.id.value());

    private ReferenceTable byReference = new ReferenceTable(1024);
    /** Later orders answering to a reference already taken (one's id being another's alternate id): rare. */
    private final Map<Reference, List<CachedOrder>> sharedReferences = new HashMap<>();
    private final List<CachedOrder> orders = new ArrayList<>();
    // Customers and offers repeat across orders: one instance of each (and of each match key) serves every order and line.
    private final Map<CustomerId, CustomerId> customers = new HashMap<>();
    private final Map<OfferId, OfferId> offers = new HashMap<>();
    private final Map<String, String> offerKeys = new HashMap<>();
    /** Canonical match keys by offer instance, emptied when it grows: building a key costs more than finding it. */
    private final Map<OfferId, String> offerKeysByInstance = new IdentityHashMap<>();
    /** The references of cached orders created outside the window: a ledger row naming one is not compared. */
    private final Set<Reference> outsideWindow = new HashSet<>();

    /**
     * The orders by (customer, reference), open-addressed: asked once per ledger row, in no order a cache could follow,
     * so each lookup pays for the memory it touches. A slot holds the reference string next to its order (the order
     * knows its customer), which spares a HashMap's node and key record per lookup, and half its memory.
     */
    private static final class ReferenceTable {
        /** Reference strings at even indexes, the order holding each at the odd index after it; null when free. */
        private Object[] slots;
        private int size;

        /** Room for {@code entries} at most half the slots full, so probe runs stay short. */
        ReferenceTable(int entries) {
            slots = new Object[2 * Integer.highestOneBit(Math.max(entries, 8) * 4 - 1)];
        }

        /** The order that holds {@code reference} of {@code customer}, or null. */
        CachedOrder get(CustomerId customer, String reference) {
            int mask = slots.length / 2 - 1;
            int hash = reference.hashCode();
            for (int slot = spread(hash, customer) & mask; ; slot = (slot + 1) & mask) {
                String key = (String) slots[2 * slot];
                if (key == null) {
                    return null;
                }
                CachedOrder order = (CachedOrder) slots[2 * slot + 1];
                if (key.hashCode() == hash && key.equals(reference) && order.customer.equals(customer)) {
                    return order;
                }
            }
        }

        /** Puts {@code order} under {@code reference} of its customer unless another holds it; returns that one, or null. */
        CachedOrder putIfAbsent(String reference, CachedOrder order) {
            CachedOrder held = get(order.customer, reference);
            if (held != null) {
                return held;
            }
            if (2 * (size + 1) > slots.length / 2) {
                grow();
            }
            insert(reference, order);
            return null;
        }

        /** Puts {@code order} under {@code reference} of its customer in place of the order holding it. */
        void replace(String reference, CachedOrder order) {
            int mask = slots.length / 2 - 1;
            for (int slot = spread(reference.hashCode(), order.customer) & mask; ; slot = (slot + 1) & mask) {
                String key = (String) slots[2 * slot];
                if (key == null) {
                    throw new IllegalStateException("no order holds " + reference);
                }
                if (key.equals(reference) && ((CachedOrder) slots[2 * slot + 1]).customer.equals(order.customer)) {
                    slots[2 * slot + 1] = order;
                    return;
                }
            }
        }

        private void insert(String reference, CachedOrder order) {
            int mask = slots.length / 2 - 1;
            int slot = spread(reference.hashCode(), order.customer) & mask;
            while (slots[2 * slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = reference;
            slots[2 * slot + 1] = order;
            size++;
        }

        private void grow() {
            Object[] old = slots;
            slots = new Object[old.length * 2];
            size = 0;
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != null) {
                    insert((String) old[i], (CachedOrder) old[i + 1]);
                }
            }
        }

        /** A table of the entries whose order's customer is in {@code kept}. */
        ReferenceTable retaining(Set<CustomerId> kept) {
            ReferenceTable retained = new ReferenceTable(size);
            for (int i = 0; i < slots.length; i += 2) {
                if (slots[i] != null && kept.contains(((CachedOrder) slots[i + 1]).customer)) {
                    retained.insert((String) slots[i], (CachedOrder) slots[i + 1]);
                }
            }
            return retained;
        }

        private static int spread(int referenceHash, CustomerId customer) {
            int hash = referenceHash * 31 + customer.hashCode();
            return hash ^ (hash >>> 16);
        }
    }

    void add(Order order) {
        List<OrderLineItem> items = order.lineItems();
        // Orders hold a handful of items (Partner Center caps them), so grouping them by offer is a scan, not a map per
        // order; canonical keys compare by identity.
        String[] itemKeys = new String[items.size()];
        String[] keys = new String[items.size()];
        int lineCount = 0;
        for (int i = 0; i < itemKeys.length; i++) {
            String key = offerKey(items.get(i).offerId());
            itemKeys[i] = key;
            if (!contains(keys, lineCount, key)) {
                keys[lineCount++] = key;
            }
        }
        CachedOrder cached = new CachedOrder(order, customers.computeIfAbsent(order.referenceCustomerId(), c -> c), lineCount);
        for (int index = 0; index < lineCount; index++) {
            OrderLine line = null;
            for (int i = 0; i < itemKeys.length; i++) {
                if (itemKeys[i] == keys[index]) {
                    if (line == null) {
                        line = new OrderLine(cached, offers.computeIfAbsent(items.get(i).offerId(), o -> o), keys[index]);
                    }
                    line.addItem(items.get(i));
                }
            }
            cached.lineKeys[index] = keys[index];
            cached.lines[index] = line;
        }
        orders.add(cached);
        index(new Reference(cached.customer, cached.id.value()), cached);
        cached.alternateId.filter(id -> !id.equals(cached.id.value()))
                .ifPresent(id -> index(new Reference(cached.customer, id), cached));
    }

    private static boolean contains(String[] keys, int count, String key) {
        for (int i = 0; i < count; i++) {
            if (keys[i] == key) {
                return true;
            }
        }
        return false;
    }

    /** The one instance of the offer's match key; by offer instance first, as readers hand one instance per offer. */
    private String offerKey(OfferId offer) {
        String key = offerKeysByInstance.get(offer);
        if (key == null) {
            if (offerKeysByInstance.size() >= OFFER_KEYS_KEPT) {
                offerKeysByInstance.clear();
            }
            key = offerKeys.computeIfAbsent(offer.matchKey(), k -> k);
            offerKeysByInstance.put(offer, key);
        }
        return key;
    }

    void addOutsideWindow(Order order) {
        CustomerId customer = customers.computeIfAbsent(order.referenceCustomerId(), c -> c);
        outsideWindow.add(new Reference(customer, order.id().value()));
        order.alternateId().ifPresent(id -> outsideWindow.add(new Reference(customer, id)));
    }

    private void index(Reference reference, CachedOrder order) {
        // Should two cached orders answer to one reference (one's id being the other's alternate id), the older holds it
        // for the offers it has and the others follow, oldest first: whatever order the cache hands the orders over in.
        CachedOrder holder = byReference.putIfAbsent(reference.reference(), order);
        if (holder == null || holder == order) {
            return;
        }
        List<CachedOrder> others = sharedReferences.computeIfAbsent(reference, r -> new ArrayList<>(1));
        if (OLDER_FIRST.compare(order, holder) < 0) {
            byReference.replace(reference.reference(), order);
            order = holder;
        }
        int at = 0;
        while (at < others.size() && OLDER_FIRST.compare(others.get(at), order) < 0) {
            at++;
        }
        others.add(at, order);
    }

    /**
     * The line of this offer in an order the reference names, or null; {@code holder} is the order that holds the
     * reference ({@link #order}).
     */
    OrderLine find(CachedOrder holder, CustomerId customer, String reference, String offerKey) {
        OrderLine line = holder.line(offerKey);
        if (line == null && !sharedReferences.isEmpty()) {
            for (CachedOrder later : sharedReferences.getOrDefault(new Reference(customer, reference), List.of())) {
                line = later.line(offerKey);
                if (line != null) {
                    break;
                }
            }
        }
        return line;
    }

    /** The order that holds the reference, or null. */
    CachedOrder order(CustomerId customer, String reference) {
        return byReference.get(customer, reference);
    }

    /** Every order taking part that answers to the reference, the one that holds it included. */
    List<CachedOrder> ordersNamed(Reference reference) {
        List<CachedOrder> ordersNamed = new ArrayList<>(sharedReferences.getOrDefault(reference, List.of()));
        Optional.ofNullable(order(reference.customer(), reference.reference())).ifPresent(ordersNamed::add);
        return ordersNamed;
    }

    boolean isOutsideWindow(Reference reference) {
        return outsideWindow.contains(reference);
    }

    /** The customers of every cached order added, in the window or not. */
    Set<CustomerId> customers() {
        return Collections.unmodifiableSet(customers.keySet());
    }

    /**
     * Forgets every order of a customer not in {@code kept}. Ledger rows only ever match orders of their own customer,
     * so after the ledger has streamed by, what it folded into the kept customers' lines is untouched.
     */
    void retainCustomers(Set<CustomerId> kept) {
        orders.removeIf(order -> !kept.contains(order.customer));
        byReference = byReference.retaining(kept);
        sharedReferences.keySet().removeIf(reference -> !kept.contains(reference.customer()));
        outsideWindow.removeIf(reference -> !kept.contains(reference.customer()));
        customers.keySet().retainAll(kept);
    }

    /** The orders taking part, in the order they were added. */
    List<CachedOrder> orders() {
        return Collections.unmodifiableList(orders);
    }
}
