package dev.pcorders.adapter.persistence.ledger;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.shared.CustomerId;
import java.util.HashMap;
import java.util.Map;

/**
 * Ids one ledger file repeats row after row, parsed once: a ledger bills a few customers and offers a great many
 * times, and parsing them was a large share of reading a row. Only ids that parse are kept, and only so many, so a
 * file of ever new ids costs a lookup per row and no more memory than that.
 */
final class RepeatedValues {

    private static final int KEPT_PER_KIND = 4096;

    private final Map<String, CustomerId> customers = new HashMap<>();
    private final Map<String, OfferId> offers = new HashMap<>();
    private String lastCustomerText;
    private CustomerId lastCustomer;

    /** As {@link CustomerId#parse}, failing as it does. */
    CustomerId customer(String text) {
        // Rows of one customer tend to come together: comparing with the last one spares hashing the id again.
        if (text.equals(lastCustomerText)) {
            return lastCustomer;
        }
        CustomerId customer = customers.get(text);
        if (customer == null) {
            customer = CustomerId.parse(text);
            if (customers.size() < KEPT_PER_KIND) {
                customers.put(text, customer);
            }
        }
        lastCustomerText = text;
        lastCustomer = customer;
        return customer;
    }

    /** As {@link OfferId#parse}, failing as it does. */
    OfferId offer(String text) {
        OfferId offer = offers.get(text);
        if (offer == null) {
            offer = OfferId.parse(text);
            if (offers.size() < KEPT_PER_KIND) {
                offers.put(text, offer);
            }
        }
        return offer;
    }
}
