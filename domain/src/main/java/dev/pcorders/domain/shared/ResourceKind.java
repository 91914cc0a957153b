package dev.pcorders.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of Partner Center resource the cache holds ({@code orders}, {@code subscriptions}, ...): the name
 * sync runs are recorded under, so it must never change once a cache holds runs of it.
 */
public record ResourceKind(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public ResourceKind {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a resource kind is 1-40 lowercase letters, digits or '-', starting with"
                    + " a letter; got " + InputQuote.quote(name));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
