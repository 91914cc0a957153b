package dev.pcorders.benchmarks;

import dev.pcorders.adapter.http.order.PartnerCenterOrderGateways;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderScope;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.sandbox.OrdersQuery;
import dev.pcorders.sandbox.Sandbox;
import dev.pcorders.sandbox.SandboxData;
import dev.pcorders.sandbox.SandboxSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** The data every benchmark measures with: the sandbox's generated orders, one customer, priced. */
public final class OrderFixtures {

    /** Every benchmark and the heap probe use one seed, so their data are the same orders. */
    public static final long SEED = 8;
    public static final int LINE_ITEMS_PER_ORDER = 5;
    /** Pages of the store and sync benchmarks: the repository holds one page at a time. */
    public static final int PAGE_SIZE = 1000;

    private OrderFixtures() {
    }

    /** One customer with {@code orders} orders of five line items; the sandbox serves it in pages of {@link #PAGE_SIZE}. */
    public static SandboxSettings settings(int orders) {
        return SandboxSettings.defaults()
                .withSeed(SEED)
                .withCustomers(1)
                .withOrdersPerCustomer(orders)
                .withLineItemsPerOrder(LINE_ITEMS_PER_ORDER)
                .withPageSize(PAGE_SIZE);
    }

    /**
     * The customer's whole collection, unpaged and priced, as {@code GET .../orders?include_price=true&
     * include_system_purchases=true} would send it, written to a file first and read back.
     */
    public static byte[] collectionBody(int orders, Path directory) {
        SandboxData data = Sandbox.data(settings(orders));
        String customer = data.customers().get(0).id();
        try {
            Path file = directory.resolve("orders-" + orders + ".json");
            data.writeOrders(customer, OrdersQuery.everythingPriced(), file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many orders make a collection of about {@code bytes}: measured on a sample, as the size per order varies little. */
    public static int ordersForBodyOf(long bytes) {
        int sample = 200;
        SandboxData data = Sandbox.data(settings(sample));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            data.writeOrders(data.customers().get(0).id(), OrdersQuery.everythingPriced(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) Math.max(1, Math.round((double) bytes * sample / out.size()));
    }

    /** The orders decoded by the gateway's decoder, cut into pages the way the sandbox pages them. */
    public static List<Page<Order>> decodedPages(int orders, Path directory) {
        List<Order> all = PartnerCenterOrderGateways.decoder()
                .decodeCollection(new ByteArrayInputStream(collectionBody(orders, directory)), 1).items();
        List<Page<Order>> pages = new ArrayList<>();
        for (int from = 0, number = 1; from < all.size(); from += PAGE_SIZE, number++) {
            pages.add(new Page<>(number, all.subList(from, Math.min(all.size(), from + PAGE_SIZE)), OptionalInt.empty()));
        }
        return List.copyOf(pages);
    }

    /** What a full sync of the customer covers: every order, with prices. */
    public static OrderScope scopeOf(CustomerId customer) {
        return OrderScope.allOrdersOf(customer).withPrices().withSystemPurchases();
    }

    /** The size of {@link #collectionBody} for this many orders, without a file. */
    public static long collectionLength(int orders) {
        SandboxData data = Sandbox.data(settings(orders));
        try {
            return data.writeOrders(data.customers().get(0).id(), OrdersQuery.everythingPriced(), OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store file and SQLite's -wal and -shm files beside it. */
    public static void deleteStoreFiles(Path file) {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a scratch directory and everything in it (SQLite's -wal and -shm files included). */
    public static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
