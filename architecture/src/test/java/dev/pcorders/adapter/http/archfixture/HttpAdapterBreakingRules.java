package dev.pcorders.adapter.http.archfixture;

import dev.pcorders.adapter.persistence.archfixture.PersistenceThing;
import dev.pcorders.application.order.service.SyncOrdersService;

/**
 * Violates rules 1 (an adapter seeing another), 4a (jOOQ outside persistence), 5b (an adapter
 * calling a service) and 9 (console, java.util.logging, a generic exception).
 */
public final class HttpAdapterBreakingRules {
    public PersistenceThing persistence;
    public SyncOrdersService service;
    public org.jooq.DSLContext dsl;

    public void log() {
        System.out.println("hello");
        java.util.logging.Logger.getLogger("x").info("hello");
        throw new RuntimeException("generic");
    }
}
