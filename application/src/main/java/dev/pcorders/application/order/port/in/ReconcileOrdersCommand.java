package dev.pcorders.application.order.port.in;

import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CustomerId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reconciliation: which ledger file, which customers (all customers present in the ledger when
 * empty), how far unit prices may differ before they count as a mismatch, whether bad ledger rows
 * are skipped and listed ({@code lenient}) or stop the run, and an optional creation date window
 * {@code [createdFrom, createdBefore)} for the cached orders taking part.
 */
public record ReconcileOrdersCommand(
        Path ledger,
        List<CustomerId> customers,
        Amount priceTolerance,
        boolean lenient,
        Optional<Instant> createdFrom,
        Optional<Instant> createdBefore) {

    public static final Amount DEFAULT_PRICE_TOLERANCE = new Amount(new BigDecimal("0.01"));

    public ReconcileOrdersCommand {
        Objects.requireNonNull(ledger, "ledger");
        customers = List.copyOf(customers);
        Objects.requireNonNull(priceTolerance, "priceTolerance");
        if (priceTolerance.value().signum() < 0) {
            throw new IllegalArgumentException("price tolerance must not be negative, got " + priceTolerance.value().toPlainString());
        }
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdBefore, "createdBefore");
        if (createdFrom.isPresent() && createdBefore.isPresent() && !createdFrom.get().isBefore(createdBefore.get())) {
            throw new IllegalArgumentException("creation window is empty: from " + createdFrom.get() + " is not before " + createdBefore.get());
        }
    }

    /** The ledger against every customer in it, default tolerance, strict about bad rows. */
    public static ReconcileOrdersCommand of(Path ledger) {
        return new ReconcileOrdersCommand(ledger, List.of(), DEFAULT_PRICE_TOLERANCE, false, Optional.empty(), Optional.empty());
    }
}
