package dev.pcorders.application.shared.sync;

import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.CustomerScope;
import dev.pcorders.domain.shared.ResourceKind;

/** A customer scope of a made-up resource, for the sync machinery's tests: one scope per customer. */
record TestScope(CustomerId customer) implements CustomerScope {

    @Override
    public ResourceKind kind() {
        return new ResourceKind("test-items");
    }

    @Override
    public String key() {
        return "all";
    }
}
