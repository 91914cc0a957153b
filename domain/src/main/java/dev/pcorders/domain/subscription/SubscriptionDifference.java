package dev.pcorders.domain.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between the previous and the current version of a subscription, with the values before
 * and after as text: the rule that decides what a sync reports as changed, whatever cache stores it.
 */
public record SubscriptionDifference(Kind kind, Optional<String> before, Optional<String> after) {

    /** How a subscription differs between two snapshots of the same scope. */
    public enum Kind {
        ADDED,
        REMOVED,
        STATUS_CHANGED,
        QUANTITY_CHANGED,
        /** Anything else (a name, a date, a link); the subscription is stored as now sent. */
        DETAILS_CHANGED
    }

    public SubscriptionDifference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public static SubscriptionDifference added(Subscription subscription) {
        return new SubscriptionDifference(Kind.ADDED, Optional.empty(), Optional.of(subscription.status().raw()));
    }

    public static SubscriptionDifference removed(Subscription subscription) {
        return new SubscriptionDifference(Kind.REMOVED, Optional.of(subscription.status().raw()), Optional.empty());
    }

    /**
     * What changed from {@code before} to {@code after} (the same subscription). Empty when nothing did; details
     * only when neither status nor quantity did. The etag is ignored: Partner Center rotates it.
     */
    public static List<SubscriptionDifference> between(Subscription before, Subscription after) {
        List<SubscriptionDifference> differences = new ArrayList<>(2);
        if (!before.status().sameValueAs(after.status())) {
            differences.add(of(Kind.STATUS_CHANGED, before.status().raw(), after.status().raw()));
        }
        if (before.quantity() != after.quantity()) {
            differences.add(of(Kind.QUANTITY_CHANGED, Integer.toString(before.quantity()), Integer.toString(after.quantity())));
        }
        if (differences.isEmpty() && !before.withoutEtag().equals(after.withoutEtag())) {
            differences.add(new SubscriptionDifference(Kind.DETAILS_CHANGED, Optional.empty(), Optional.empty()));
        }
        return List.copyOf(differences);
    }

    private static SubscriptionDifference of(Kind kind, String before, String after) {
        return new SubscriptionDifference(kind, Optional.of(before), Optional.of(after));
    }
}
