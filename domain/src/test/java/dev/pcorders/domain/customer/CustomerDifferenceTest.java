package dev.pcorders.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pcorders.domain.customer.CustomerDifference.Kind;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.ResourceAttributes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerDifferenceTest {

    private static final CustomerId ID = CustomerId.parse("4a7d2c1e-5b6f-4a8b-9c0d-1e2f3a4b5c6d");

    private static Customer customer(String name, String relationship, String domain, String etag) {
        return new Customer(ID, new CompanyProfile(Optional.of(ID.toString()), Optional.of(domain), Optional.ofNullable(name)),
                Optional.ofNullable(relationship).map(RelationshipToPartner::parse),
                new ResourceAttributes(Optional.of(etag), Optional.of("Customer")));
    }

    @Test
    void theSameCustomerWithAnotherEtagHasNotChanged() {
        Customer before = customer("Contoso", "reseller", "contoso.com", "etag-1");

        assertThat(CustomerDifference.between(before, customer("Contoso", "reseller", "contoso.com", "etag-2"))).isEmpty();
    }

    @Test
    void anotherSpellingOfTheSameRelationshipIsNoRelationshipChangeButIsStoredAsSentSoADetail() {
        Customer before = customer("Contoso", "reseller", "contoso.com", "etag-1");

        assertThat(CustomerDifference.between(before, customer("Contoso", "Reseller", "contoso.com", "etag-1")))
                .extracting(CustomerDifference::kind).containsExactly(Kind.DETAILS_CHANGED);
    }

    @Test
    void aRenameAndANewRelationshipAreEachReportedWithBothValues() {
        Customer before = customer("Contoso", "reseller", "contoso.com", "etag-1");
        Customer after = customer("Contoso Ltd", "advisor", "contoso.com", "etag-1");

        assertThat(CustomerDifference.between(before, after)).containsExactly(
                new CustomerDifference(Kind.NAME_CHANGED, Optional.of("Contoso"), Optional.of("Contoso Ltd")),
                new CustomerDifference(Kind.RELATIONSHIP_CHANGED, Optional.of("reseller"), Optional.of("advisor")));
    }

    @Test
    void aRelationshipThatAppearsOrAnUnknownOneThatChangesIsReported() {
        assertThat(CustomerDifference.between(customer("C", null, "c.com", "e"), customer("C", "reseller", "c.com", "e")))
                .extracting(CustomerDifference::kind).containsExactly(Kind.RELATIONSHIP_CHANGED);
        assertThat(CustomerDifference.between(customer("C", "partnerOfRecord", "c.com", "e"),
                customer("C", "supportAgent", "c.com", "e")))
                .containsExactly(new CustomerDifference(Kind.RELATIONSHIP_CHANGED, Optional.of("partnerOfRecord"),
                        Optional.of("supportAgent")));
    }

    @Test
    void anyOtherChangeIsADetailAndNamesItsCustomerWhenAddedOrRemoved() {
        assertThat(CustomerDifference.between(customer("C", "reseller", "c.com", "e"), customer("C", "reseller", "c.net", "e")))
                .extracting(CustomerDifference::kind).containsExactly(Kind.DETAILS_CHANGED);
        assertThat(CustomerDifference.added(customer(null, null, "c.com", "e")).after()).contains(ID.toString());
        assertThat(CustomerDifference.removed(customer("Contoso", null, "c.com", "e")).before()).contains("Contoso");
    }

    @Test
    void theCustomerListScopeReadsBackOnlyItsOwnKey() {
        assertThat(CustomerListScope.fromKey(CustomerListScope.ALL.key())).isEqualTo(CustomerListScope.ALL);
        assertThat(CustomerListScope.ALL.kind().name()).isEqualTo("customers");
        assertThatThrownBy(() -> CustomerListScope.fromKey("size=40"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'size=40'").hasMessageContaining("expected all");
    }
}
