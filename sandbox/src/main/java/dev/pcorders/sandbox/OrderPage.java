package dev.pcorders.sandbox;

import java.util.OptionalInt;

/**
 * The orders of one response: those of {@code customerIndex} between {@code fromIndex} (inclusive) and
 * {@code toIndex} (exclusive) that match {@code query}; {@code count} of them. {@code nextIndex} is where
 * the next page starts, if any order after this page matches.
 */
record OrderPage(int customerIndex, OrdersQuery query, int fromIndex, int toIndex, int count, OptionalInt nextIndex) {
}
