package dev.pcorders.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * One worker's share of a customer list split between {@code count} workers (processes or machines syncing into one
 * shared cache): worker {@code number} (1 to {@code count}) takes the customers whose id falls to it. Every customer
 * falls to exactly one worker, the same one on every machine and every run (the split depends on the id alone, not on
 * the list's order or length), so a round of n workers syncs each customer once.
 */
public record WorkerShare(int number, int count) {

    public static final WorkerShare ALL = new WorkerShare(1, 1);

    public WorkerShare {
        if (count < 1 || number < 1 || number > count) {
            throw new IllegalArgumentException("a worker share is I/N with 1 <= I <= N, got " + number + "/" + count);
        }
    }

    /** {@code "2/3"}: the second of three workers. @throws IllegalArgumentException quoting anything else */
    public static WorkerShare parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                return new WorkerShare(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            } catch (NumberFormatException e) {
                // Reported below with the text as given.
            }
        }
        throw new IllegalArgumentException("a worker share is I/N (for example 2/3: the second of three workers), got "
                + InputQuote.quote(text));
    }

    public boolean includes(CustomerId customer) {
        // UUID.hashCode is specified (the xor of its halves), so every JVM on every machine splits alike.
        return Math.floorMod(customer.value().hashCode(), count) == number - 1;
    }

    /** The customers of {@code customers} that fall to this worker, in their order. */
    public List<CustomerId> of(List<CustomerId> customers) {
        return customers.stream().filter(this::includes).toList();
    }

    @Override
    public String toString() {
        return number + "/" + count;
    }
}
