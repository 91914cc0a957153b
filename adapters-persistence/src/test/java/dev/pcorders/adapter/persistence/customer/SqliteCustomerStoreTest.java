package dev.pcorders.adapter.persistence.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pcorders.adapter.persistence.order.CacheStore;
import dev.pcorders.adapter.persistence.sqlite.SqliteStoreSettings;
import dev.pcorders.application.shared.port.out.PartnerCenterError;
import dev.pcorders.application.shared.port.out.PartnerCenterException;
import dev.pcorders.application.shared.port.out.SnapshotSummary;
import dev.pcorders.application.shared.port.out.SyncRunOutcome;
import dev.pcorders.domain.customer.CachedCustomer;
import dev.pcorders.domain.customer.CompanyProfile;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerChange;
import dev.pcorders.domain.customer.CustomerDifference.Kind;
import dev.pcorders.domain.customer.CustomerListScope;
import dev.pcorders.domain.customer.RelationshipToPartner;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ResourceAttributes;
import dev.pcorders.domain.shared.SyncRunId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite customer list: every field read back, changes between lists, and a list that fails part-way. */
class SqliteCustomerStoreTest {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    private static final CustomerId CONTOSO = CustomerId.parse("0c3b2a1f-0000-4000-8000-000000000001");
    private static final CustomerId FABRIKAM = CustomerId.parse("0c3b2a1f-0000-4000-8000-000000000002");
    private static final CustomerId TAILSPIN = CustomerId.parse("0c3b2a1f-0000-4000-8000-000000000003");

    @TempDir
    Path folder;

    private CacheStore store;
    private long clock;

    @BeforeEach
    void openStore() {
        store = CacheStore.open(folder.resolve("cache.db"), SqliteStoreSettings.defaults());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static Customer customer(CustomerId id, String name, String relationship) {
        return new Customer(id, new CompanyProfile(Optional.of(id.toString()), Optional.of(name.toLowerCase() + ".onmicrosoft.com"),
                Optional.of(name)), Optional.of(RelationshipToPartner.parse(relationship)),
                new ResourceAttributes(Optional.of("etag-" + name.length()), Optional.of("Customer")));
    }

    @SafeVarargs
    private static Page<Customer> page(int number, Customer... customers) {
        return new Page<>(number, List.of(customers), OptionalInt.empty());
    }

    @SafeVarargs
    private SnapshotSummary sync(Page<Customer>... pages) {
        SyncRunId run = start();
        SnapshotSummary summary = store.customerSnapshots().replaceSnapshot(run, CustomerListScope.ALL, List.of(pages).iterator());
        store.runLog().finishRun(run, SyncRunOutcome.succeeded(T0.plusSeconds(clock), summary));
        return summary;
    }

    private List<Customer> current() {
        return store.customers().findCustomers(false).stream().map(CachedCustomer::customer).toList();
    }

    private SyncRunId start() {
        return store.runLog().startRun(CustomerListScope.ALL, CorrelationId.random(), T0.plusSeconds(++clock));
    }

    @Test
    void everyFieldReadsBackEqualInNameOrderAndAnUnknownRelationshipKeepsItsRawValue() {
        Customer bare = new Customer(TAILSPIN, CompanyProfile.EMPTY, Optional.empty(), ResourceAttributes.NONE);
        Customer advisor = customer(FABRIKAM, "fabrikam", "Advisor");
        Customer unknown = customer(CONTOSO, "Contoso", "microsoftSupportAgent");

        SnapshotSummary summary = sync(page(1, bare, advisor), page(2, unknown));

        assertThat(summary.pages()).isEqualTo(2);
        assertThat(summary.items()).isEqualTo(3);
        assertThat(summary.added()).isEqualTo(3);
        // By company name, case-insensitively; a customer without one sorts by its id's text ("0c3b..." < "contoso").
        assertThat(current()).containsExactly(bare, unknown, advisor);
        Customer read = current().get(1);
        assertThat(read.relationshipToPartner()).hasValueSatisfying(relationship -> {
            assertThat(relationship.known()).isEqualTo(RelationshipToPartner.UNKNOWN);
            assertThat(relationship.raw()).isEqualTo("microsoftSupportAgent");
        });
    }

    @Test
    void aSecondListRecordsWhoCameWhoLeftAndWhoChangedAndKeepsTheLeaversAsRemoved() {
        sync(page(1, customer(CONTOSO, "Contoso", "reseller"), customer(FABRIKAM, "Fabrikam", "reseller")));
        SyncRunId first = new SyncRunId(1);

        Customer renamed = customer(CONTOSO, "Contoso Ltd", "reseller");
        Customer advisor = customer(FABRIKAM, "Fabrikam", "advisor");
        Customer newcomer = customer(TAILSPIN, "Tailspin", "reseller");
        SnapshotSummary second = sync(page(1, renamed, newcomer));

        assertThat(second.added()).isEqualTo(1);
        assertThat(second.changed()).isEqualTo(1);
        assertThat(second.removed()).isEqualTo(1);
        assertThat(current()).containsExactly(renamed, newcomer);
        assertThat(store.customers().findCustomers(true))
                .extracting(cached -> cached.customer().id(), CachedCustomer::removedBy)
                .containsExactly(tuple(CONTOSO, Optional.empty()), tuple(TAILSPIN, Optional.empty()),
                        tuple(FABRIKAM, Optional.of(new SyncRunId(2))));

        List<CustomerChange> changes = store.customerChanges().findChanges(Optional.empty(), Optional.empty());
        assertThat(changes).extracting(CustomerChange::kind)
                .containsExactly(Kind.ADDED, Kind.ADDED, Kind.NAME_CHANGED, Kind.ADDED, Kind.REMOVED);
        assertThat(store.customerChanges().findChanges(Optional.of(CONTOSO), Optional.empty()))
                .extracting(change -> change.difference().before().orElse(null) + " -> " + change.difference().after().orElse(null))
                .containsExactly("null -> Contoso", "Contoso -> Contoso Ltd");
        assertThat(store.customerChanges().findChanges(Optional.of(FABRIKAM), Optional.empty()))
                .last().satisfies(removed -> {
                    assertThat(removed.kind()).isEqualTo(Kind.REMOVED);
                    assertThat(removed.difference().before()).contains("Fabrikam");
                });
        assertThat(store.customerChanges().findChanges(Optional.empty(), Optional.of(first))).hasSize(2);

        // Back in the list: current again, with one row (the removed one is replaced).
        SnapshotSummary third = sync(page(1, renamed, newcomer, advisor));
        assertThat(third.added()).isEqualTo(1);
        assertThat(third.changed()).isZero();
        assertThat(store.customerChanges().findChanges(Optional.of(FABRIKAM), Optional.of(new SyncRunId(3))))
                .as("a customer listed again after it left is added again, as it now is").singleElement()
                .satisfies(change -> {
                    assertThat(change.kind()).isEqualTo(Kind.ADDED);
                    assertThat(change.difference().after()).contains("Fabrikam");
                });
        assertThat(store.customers().findCustomers(true)).extracting(cached -> cached.customer().id())
                .containsExactly(CONTOSO, FABRIKAM, TAILSPIN);
        assertThat(store.customers().findCustomers(true)).noneMatch(CachedCustomer::isRemoved);
    }

    @Test
    void aListFailingMidWayStoresNothingOfTheNewListAndLeavesThePreviousOneWhole() throws SQLException {
        Customer contoso = customer(CONTOSO, "Contoso", "reseller");
        Customer fabrikam = customer(FABRIKAM, "Fabrikam", "reseller");
        sync(page(1, contoso, fabrikam));
        List<CachedCustomer> before = store.customers().findCustomers(true);
        long changesBefore = store.customerChanges().findChanges(Optional.empty(), Optional.empty()).size();

        PartnerCenterException failure = new PartnerCenterException.Unavailable(
                "page 2 of the customer list: 503 after every retry", PartnerCenterError.ofStatus(503), null);
        Iterator<Page<Customer>> failingOnPageTwo = new Iterator<>() {
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Page<Customer> next() {
                if (served++ == 0) {
                    return page(1, customer(TAILSPIN, "Tailspin", "reseller"), customer(CONTOSO, "Renamed", "reseller"));
                }
                if (served == 2) {
                    throw failure;
                }
                throw new NoSuchElementException();
            }
        };
        SyncRunId run = start();

        assertThatThrownBy(() -> store.customerSnapshots().replaceSnapshot(run, CustomerListScope.ALL, failingOnPageTwo))
                .isSameAs(failure);

        assertThat(store.customers().findCustomers(true)).isEqualTo(before);
        assertThat(store.customerChanges().findChanges(Optional.empty(), Optional.empty())).hasSize((int) changesBefore);
        assertThat(rows("SELECT count(*) FROM stored_customer WHERE stored_by_run = " + run.value())).containsExactly("0");
    }

    @Test
    void thePartnersRunsAreRecordedUnderNoCustomer() throws SQLException {
        sync(page(1, customer(CONTOSO, "Contoso", "reseller")));

        assertThat(rows("SELECT resource_kind || '|' || customer_id || '|' || scope_key FROM sync_scope"))
                .containsExactly("customers||all");
        assertThat(store.runLog().lastSucceededScopeKey(CustomerListScope.KIND, CONTOSO)).isEmpty();
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("cache.db"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }
}
