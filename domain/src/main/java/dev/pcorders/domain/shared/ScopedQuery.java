package dev.pcorders.domain.shared;

import java.util.Objects;

/** One logical fetch of a sync scope from Partner Center; every page of it carries the same correlation id. */
public record ScopedQuery<S extends SyncScope>(S scope, CorrelationId correlationId) {

    public ScopedQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    public static <S extends SyncScope> ScopedQuery<S> of(S scope) {
        return new ScopedQuery<>(scope, CorrelationId.random());
    }
}
