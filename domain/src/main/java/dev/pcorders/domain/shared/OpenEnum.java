package dev.pcorders.domain.shared;

/**
 * A constant of one of Partner Center's open value sets. The service adds values without notice,
 * so each such enum has an {@code UNKNOWN} constant and values travel as {@link Coded}, which keeps
 * the string the service actually sent.
 */
public interface OpenEnum {

    /** The spelling Partner Center's public API uses for this value, e.g. {@code one_time}. */
    String wireName();

    /** True for the catch-all constant that stands for a value this build does not know. */
    boolean isUnknown();
}
