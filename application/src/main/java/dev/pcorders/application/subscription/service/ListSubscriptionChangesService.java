package dev.pcorders.application.subscription.service;

import dev.pcorders.application.subscription.port.in.ListSubscriptionChangesUseCase;
import dev.pcorders.application.subscription.port.in.SubscriptionChangesQuery;
import dev.pcorders.application.subscription.port.out.SubscriptionChangeLog;
import dev.pcorders.domain.subscription.SubscriptionChange;
import java.util.List;
import java.util.Objects;

public final class ListSubscriptionChangesService implements ListSubscriptionChangesUseCase {

    private final SubscriptionChangeLog changeLog;

    public ListSubscriptionChangesService(SubscriptionChangeLog changeLog) {
        this.changeLog = Objects.requireNonNull(changeLog, "changeLog");
    }

    @Override
    public List<SubscriptionChange> listSubscriptionChanges(SubscriptionChangesQuery query) {
        Objects.requireNonNull(query, "query");
        return changeLog.findChanges(query.customer(), query.run());
    }
}
