package dev.pcorders.cli.reliability;

import dev.pcorders.adapter.http.auth.AccessToken;
import dev.pcorders.adapter.http.auth.AccessTokenProvider;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.application.order.port.in.CustomerSyncResult;
import dev.pcorders.application.order.port.in.SyncOrdersCommand;
import dev.pcorders.application.order.port.in.SyncResult;
import dev.pcorders.bootstrap.PcOrders;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child process that syncs customers into a SQLite file through {@link PcOrders}, saying on stdout
 * how far it got, so a parent can kill it at a chosen point or watch it work alongside others.
 * <ul>
 * <li>{@code page N}: the token is being fetched for the N-th request of the current sync, so pages
 * 1..N-1 have been handed to the cache inside the sync's open transaction;</li>
 * <li>{@code clock N}: the sync asked its clock for the time for the N-th time; the second time is when
 * the snapshot's transaction has committed and the run is about to be recorded as finished;</li>
 * <li>{@code done KIND ORDERS}: one sync returned ({@code KIND} is {@code stored} or the failure kind).</li>
 * </ul>
 * Arguments: base URL, database file, number of syncs, then one or more customer ids synced in turn. With the
 * environment variable {@value #AT_ONCE} set to K, each sync instead takes every customer at once, K at a time, and
 * says {@code done} per customer ({@code page} and {@code clock} lines then mix the customers).
 * Exits 0 when every sync stored its snapshot, 1 otherwise.
 */
public final class SyncChild {

    static final String AT_ONCE = "SYNC_CHILD_CUSTOMERS_AT_ONCE";

    private SyncChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        URI baseUrl = URI.create(args[0]);
        Path database = Path.of(args[1]);
        int syncs = Integer.parseInt(args[2]);
        AtomicInteger requests = new AtomicInteger();
        AccessTokenProvider tokens = new AccessTokenProvider() {
            private final AccessToken token = new AccessToken("child-token", Instant.MAX);

            @Override
            public AccessToken currentToken() {
                out.println("page " + requests.incrementAndGet());
                return token;
            }

            @Override
            public AccessToken refreshedToken(AccessToken rejected) {
                return token;
            }
        };
        AtomicInteger clockReads = new AtomicInteger();
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                out.println("clock " + clockReads.incrementAndGet());
                return Instant.now();
            }
        };
        int atOnce = Integer.parseInt(System.getenv().getOrDefault(AT_ONCE, "0"));
        boolean allStored = true;
        try (PcOrders pcOrders = PcOrders.builder()
                .customersAtOnce(Math.max(1, atOnce))
                .clock(clock)
                .partnerCenter(PartnerCenterClientSettings.defaults().withBaseUrl(baseUrl))
                .accessTokenProvider(tokens)
                .database(database)
                .build()) {
            for (int sync = 0; sync < syncs; sync++) {
                if (atOnce > 0) {
                    List<CustomerId> customers = Arrays.stream(args, 3, args.length).map(CustomerId::parse).toList();
                    SyncResult result = pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(customers)
                            .withCorrelationId(CorrelationId.random()));
                    for (CustomerSyncResult one : result.customers()) {
                        allStored &= report(one, out);
                    }
                    continue;
                }
                for (int i = 3; i < args.length; i++) {
                    requests.set(0);
                    clockReads.set(0);
                    SyncResult result = pcOrders.syncOrders().syncOrders(SyncOrdersCommand.of(CustomerId.parse(args[i]))
                            .withCorrelationId(CorrelationId.random()));
                    allStored &= report(result.customers().get(0), out);
                }
            }
        }
        System.exit(allStored ? 0 : 1);
    }

    /** Prints the {@code done} line of one customer's sync; true if it stored its snapshot. */
    private static boolean report(CustomerSyncResult one, PrintStream out) {
        if (one instanceof CustomerSyncResult.Succeeded stored) {
            out.println("done stored " + stored.orders());
            return true;
        }
        CustomerSyncResult.Failed failed = (CustomerSyncResult.Failed) one;
        out.println("done " + failed.failure().kind() + " " + failed.failure().message());
        return false;
    }
}
