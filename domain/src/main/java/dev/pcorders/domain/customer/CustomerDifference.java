package dev.pcorders.domain.customer;

import dev.pcorders.domain.shared.Coded;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between the previous and the current listing of a customer, with the values before and after as
 * text: the rule that decides what a sync reports as changed, whatever cache stores it.
 */
public record CustomerDifference(Kind kind, Optional<String> before, Optional<String> after) {

    /** How a customer differs between two listings. */
    public enum Kind {
        /** Newly in the partner's list; before/after: the company name. */
        ADDED,
        /** No longer in the partner's list (the relationship ended); kept in the cache as removed. */
        REMOVED,
        NAME_CHANGED,
        RELATIONSHIP_CHANGED,
        /** Anything else (the domain, the tenant id); the customer is stored as now sent. */
        DETAILS_CHANGED
    }

    public CustomerDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public static CustomerDifference added(Customer customer) {
        return new CustomerDifference(Kind.ADDED, Optional.empty(), Optional.of(customer.displayName()));
    }

    public static CustomerDifference removed(Customer customer) {
        return new CustomerDifference(Kind.REMOVED, Optional.of(customer.displayName()), Optional.empty());
    }

    /**
     * What changed from {@code before} to {@code after} (the same customer). Empty when nothing did; details only
     * when neither the name nor the relationship did. The etag is ignored: Partner Center rotates it.
     */
    public static List<CustomerDifference> between(Customer before, Customer after) {
        List<CustomerDifference> differences = new ArrayList<>(2);
        if (!before.displayName().equals(after.displayName())) {
            differences.add(of(Kind.NAME_CHANGED, before.displayName(), after.displayName()));
        }
        String relationshipBefore = relationship(before);
        String relationshipAfter = relationship(after);
        if (!sameRelationship(before, after)) {
            differences.add(of(Kind.RELATIONSHIP_CHANGED, relationshipBefore, relationshipAfter));
        }
        if (differences.isEmpty() && !before.withoutEtag().equals(after.withoutEtag())) {
            differences.add(new CustomerDifference(Kind.DETAILS_CHANGED, Optional.empty(), Optional.empty()));
        }
        return List.copyOf(differences);
    }

    private static boolean sameRelationship(Customer before, Customer after) {
        if (before.relationshipToPartner().isEmpty() || after.relationshipToPartner().isEmpty()) {
            return before.relationshipToPartner().isEmpty() && after.relationshipToPartner().isEmpty();
        }
        return before.relationshipToPartner().get().sameValueAs(after.relationshipToPartner().get());
    }

    /** The relationship as sent, or empty text when the listing had none. */
    private static String relationship(Customer customer) {
        return customer.relationshipToPartner().map(Coded::raw).orElse("");
    }

    private static CustomerDifference of(Kind kind, String before, String after) {
        return new CustomerDifference(kind, Optional.of(before), Optional.of(after));
    }
}
