package dev.pcorders.domain.shared;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code attributes} of a Partner Center resource. The etag is temporary on the service's side:
 * keep it for display, never use it as a freshness key.
 */
public record ResourceAttributes(Optional<String> etag, Optional<String> objectType) {

    public static final ResourceAttributes NONE = new ResourceAttributes(Optional.empty(), Optional.empty());

    public ResourceAttributes {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(objectType, "objectType");
    }
}
