package dev.pcorders.application.order.port.out.archfixture;

import dev.pcorders.application.order.port.in.SyncResult;

/** Violates rule 5a: an out-port reaching an in-port. */
public interface OutPortUsingInPort {
    SyncResult lastResult();
}
