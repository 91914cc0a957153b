package dev.pcorders.domain.archfixture;

/** Violates rule 7: money as a double. */
public record PriceAsDouble(double amount, java.util.Date when) {
}
