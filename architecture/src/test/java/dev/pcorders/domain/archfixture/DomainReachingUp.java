package dev.pcorders.domain.archfixture;

import dev.pcorders.application.order.port.in.SyncOrdersCommand;

/** Violates rules 1 and 2: the domain reaching into the application layer. */
public final class DomainReachingUp {
    public SyncOrdersCommand command;
}
