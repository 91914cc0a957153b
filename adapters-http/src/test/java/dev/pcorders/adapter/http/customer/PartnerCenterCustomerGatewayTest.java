package dev.pcorders.adapter.http.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.assertFollowsWithinTheFetch;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.assertNoSecretIn;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.assertSharedHeaders;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.base;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.fixture;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.foreignNextLinks;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.json;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.nextLink;
import static dev.pcorders.adapter.http.testing.LoopbackPartnerCenter.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pcorders.adapter.http.auth.StaticAccessTokenProvider;
import dev.pcorders.adapter.http.customer.wire.CustomerDto;
import dev.pcorders.adapter.http.partnercenter.PartnerCenterClientSettings;
import dev.pcorders.adapter.http.testing.LoopbackPartnerCenter;
import dev.pcorders.adapter.http.testing.VirtualTime;
import dev.pcorders.adapter.http.wire.WireJson;
import dev.pcorders.application.shared.port.out.PartnerCenterException.MalformedResponse;
import dev.pcorders.application.shared.port.out.PartnerCenterException.Unavailable;
import dev.pcorders.domain.customer.CompanyProfile;
import dev.pcorders.domain.customer.Customer;
import dev.pcorders.domain.customer.CustomerListScope;
import dev.pcorders.domain.customer.RelationshipToPartner;
import dev.pcorders.domain.shared.CorrelationId;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.Page;
import dev.pcorders.domain.shared.ScopedQuery;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The customer list gateway against a real HTTP server on 127.0.0.1; retries on a virtual clock, so never a wait. */
@Timeout(30)
class PartnerCenterCustomerGatewayTest {

    static final String TOKEN = "s3cr3t-bearer-token-value";
    static final String CUSTOMERS_PATH = "/v1/customers";
    static final String NEXT = "/customers?size=40&seekOperation=Next";
    static final String CONTINUATION = "+RID:~c2Vlaw== #RT:2 #TRC:40";
    static final String FIXTURE = "customers-list.json";

    static WireMockServer server;
    static WireMockServer otherHost;

    VirtualTime time;
    CloseableCustomerGateway gateway;

    @BeforeAll
    static void startServers() {
        server = LoopbackPartnerCenter.start();
        otherHost = LoopbackPartnerCenter.start();
    }

    @AfterAll
    static void stopServers() {
        server.stop();
        otherHost.stop();
    }

    @BeforeEach
    void open() {
        server.resetAll();
        otherHost.resetAll();
        otherHost.stubFor(get(anyUrl()).willReturn(json(fixture(FIXTURE))));
        time = new VirtualTime(Instant.parse("2024-05-01T10:00:00Z"));
        gateway = open(PartnerCenterCustomerGateways.DEFAULT_PAGE_SIZE);
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    CloseableCustomerGateway open(int pageSize) {
        return PartnerCenterCustomerGateways.open(settings(), pageSize, new StaticAccessTokenProvider(TOKEN), time, time);
    }

    static PartnerCenterClientSettings settings() {
        return PartnerCenterClientSettings.defaults().withBaseUrl(URI.create(base(server)));
    }

    @Test
    void decodesMicrosoftsPublishedSampleKeepingItsPlaceholderTenantIds() {
        server.stubFor(get(anyUrl()).willReturn(json(fixture(FIXTURE))));

        List<Page<Customer>> pages = fetchAll();

        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(page.pageNumber()).isEqualTo(1);
            assertThat(page.totalCount()).hasValue(2);
            assertThat(page.items()).extracting(Customer::id).containsExactly(
                    CustomerId.parse("b44bb1fb-c595-45b0-9e09-d657365580bf"),
                    CustomerId.parse("45c44870-ef77-4fdd-b6fe-3dacb075cff2"));
        });
        Customer first = pages.get(0).items().get(0);
        assertThat(first.companyProfile()).isEqualTo(new CompanyProfile(Optional.of("<guid>"), Optional.of("domain"),
                Optional.of("companyName")));
        assertThat(first.relationshipToPartner()).hasValueSatisfying(
                relationship -> assertThat(relationship.known()).isEqualTo(RelationshipToPartner.RESELLER));
        assertThat(first.attributes().objectType()).hasValue("Customer");
        assertThat(first.attributes().etag()).isEmpty();
    }

    @Test
    void asksForFortyByDefaultWithTheSharedHeaders() {
        server.stubFor(get(anyUrl()).willReturn(json(collection(customer(0)))));

        fetchAll(new ScopedQuery<>(CustomerListScope.ALL, CorrelationId.parse("11111111-2222-3333-4444-555555555555")));

        LoggedRequest request = requests(server).get(0);
        assertThat(request.getUrl()).isEqualTo(CUSTOMERS_PATH + "?size=40");
        assertSharedHeaders(request, TOKEN, "11111111-2222-3333-4444-555555555555");
        assertThat(request.containsHeader("MS-ContinuationToken")).isFalse();
    }

    @Test
    void theCallerChoosesThePageSizeWithinOneTo500() {
        server.stubFor(get(anyUrl()).willReturn(json(collection(customer(0)))));
        for (int size : new int[] {1, 500}) {
            try (CloseableCustomerGateway sized = open(size)) {
                sized.fetchPages(ScopedQuery.of(CustomerListScope.ALL)).forEach(page -> { });
            }
        }
        assertThat(requests(server)).extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder(CUSTOMERS_PATH + "?size=1", CUSTOMERS_PATH + "?size=500");

        for (int size : new int[] {0, -1, 501}) {
            assertThatThrownBy(() -> open(size)).as("size " + size)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..500");
        }
    }

    @Test
    void followsLinksNextReplayingTheContinuationTokenOnePageAtATime() {
        stubTwoPages(json(collection(customer(40) + "," + customer(41))));

        try (Stream<Page<Customer>> pages = gateway.fetchPages(ScopedQuery.of(CustomerListScope.ALL))) {
            Iterator<Page<Customer>> iterator = pages.iterator();
            Page<Customer> first = iterator.next();
            assertThat(first.items()).extracting(Customer::id).containsExactly(id(0));
            assertThat(requests(server)).as("the second page is asked for when it is consumed").hasSize(1);
            Page<Customer> second = iterator.next();
            assertThat(second.pageNumber()).isEqualTo(2);
            assertThat(second.items()).extracting(Customer::id).containsExactly(id(40), id(41));
            assertThat(iterator.hasNext()).isFalse();
        }

        List<LoggedRequest> sent = requests(server);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getUrl()).isEqualTo(CUSTOMERS_PATH + "?size=40&seekOperation=Next");
        assertThat(sent.get(1).getHeader("MS-ContinuationToken")).isEqualTo(CONTINUATION);
        assertFollowsWithinTheFetch(sent.get(1), sent.get(0));
    }

    @Test
    void aSecondPageFailingAfterItsRetriesSurfacesFromTheStreamAfterTheFirstPage() {
        stubTwoPages(aResponse().withStatus(503));

        try (Stream<Page<Customer>> pages = gateway.fetchPages(ScopedQuery.of(CustomerListScope.ALL))) {
            Iterator<Page<Customer>> iterator = pages.iterator();
            assertThat(iterator.next().items()).extracting(Customer::id).containsExactly(id(0));
            assertThatThrownBy(iterator::next).isInstanceOfSatisfying(Unavailable.class, e -> {
                assertThat(e.error().httpStatus()).hasValue(503);
                assertNoSecretIn(e, TOKEN);
            });
        }
        assertThat(requests(server)).as("one first page, then the second with its retries").hasSize(1 + 4);
        assertThat(requests(server).subList(1, 5)).allSatisfy(
                retry -> assertThat(retry.getHeader("MS-ContinuationToken")).isEqualTo(CONTINUATION));
    }

    @Test
    void aMalformedSecondPageFailsTheFetchNamingThePathWithoutARetry() {
        stubTwoPages(json(collection(customer(40) + "," + customer(41).replace(id(41).toString(), "contoso"))));

        try (Stream<Page<Customer>> pages = gateway.fetchPages(ScopedQuery.of(CustomerListScope.ALL))) {
            Iterator<Page<Customer>> iterator = pages.iterator();
            iterator.next();
            assertThatThrownBy(iterator::next).isInstanceOfSatisfying(MalformedResponse.class,
                    e -> assertThat(e.location()).hasValue("items[1].id"));
        }
        assertThat(requests(server)).hasSize(2);
    }

    @Test
    void anIdThatIsNoGuidIsMalformedNamingItsPathAndValue() {
        String items = IntStream.range(0, 3).mapToObj(PartnerCenterCustomerGatewayTest::customer)
                .collect(Collectors.joining(",")) + "," + customer(3).replace(id(3).toString(), "not-a-guid");
        server.stubFor(get(anyUrl()).willReturn(json(collection(items))));

        assertThatThrownBy(this::fetchAll).isInstanceOfSatisfying(MalformedResponse.class, e -> {
            assertThat(e.location()).hasValue("items[3].id");
            assertThat(e.getMessage()).contains("not-a-guid");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"id\":null,", "\"id\":\"\",", "\"id\":\"{B44BB1FB-C595-45B0-9E09-D657365580BF}\","})
    void aMissingEmptyOrBracedIdIsMalformedNamingItsPath(String id) {
        server.stubFor(get(anyUrl()).willReturn(json(collection(customer(0).replace("\"id\":\"" + id(0) + "\",", id)))));

        assertThatThrownBy(this::fetchAll).isInstanceOfSatisfying(MalformedResponse.class,
                e -> assertThat(e.location()).hasValue("items[0].id"));
    }

    @Test
    void anIdOfTheWrongJsonTypeIsMalformedNotACrash() {
        // The shared readers say where only for values they parse themselves; a wrong type is Jackson's to refuse.
        server.stubFor(get(anyUrl()).willReturn(json(collection(customer(0).replace("\"id\":\"" + id(0) + "\"",
                "\"id\":[]")))));

        assertThatThrownBy(this::fetchAll).isInstanceOf(MalformedResponse.class)
                .hasMessageContaining("not a valid CustomerCollection document");
    }

    @Test
    void anUnknownRelationshipIsKeptRawAndAMissingOneIsAbsent() {
        server.stubFor(get(anyUrl()).willReturn(json(collection(
                customer(0).replace("\"reseller\"", "\"microsoftSupport\"") + ","
                        + customer(1).replace("\"reseller\"", "\"Advisor\"") + ","
                        + customer(2).replace(",\"relationshipToPartner\":\"reseller\"", "")))));

        List<Customer> customers = fetchAll().get(0).items();

        assertThat(customers.get(0).relationshipToPartner()).hasValueSatisfying(relationship -> {
            assertThat(relationship.known()).isEqualTo(RelationshipToPartner.UNKNOWN);
            assertThat(relationship.raw()).isEqualTo("microsoftSupport");
        });
        assertThat(customers.get(1).relationshipToPartner()).hasValueSatisfying(
                relationship -> assertThat(relationship.known()).isEqualTo(RelationshipToPartner.ADVISOR));
        assertThat(customers.get(2).relationshipToPartner()).isEmpty();
    }

    @Test
    void companyProfileFieldsAreOptionalAndTheEtagIsKept() {
        server.stubFor(get(anyUrl()).willReturn(json(collection(
                "{\"id\":\"" + id(0) + "\"}," 
                        + "{\"id\":\"" + id(1) + "\",\"companyProfile\":{\"companyName\":\"Fabrikam\",\"domain\":\"  \"},"
                        + "\"attributes\":{\"etag\":\"eyJ2IjoyfQ==\",\"objectType\":\"Customer\"}},"
                        + "{\"id\":\"" + id(2) + "\",\"companyProfile\":null}"))));

        List<Customer> customers = fetchAll().get(0).items();

        assertThat(customers.get(0).companyProfile()).isEqualTo(CompanyProfile.EMPTY);
        assertThat(customers.get(0).displayName()).isEqualTo(id(0).toString());
        assertThat(customers.get(1).companyProfile()).isEqualTo(
                new CompanyProfile(Optional.empty(), Optional.empty(), Optional.of("Fabrikam")));
        assertThat(customers.get(1).attributes().etag()).hasValue("eyJ2IjoyfQ==");
        assertThat(customers.get(2).companyProfile()).isEqualTo(CompanyProfile.EMPTY);
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedAndNothingReachesThatHost() {
        for (String foreign : foreignNextLinks(server, otherHost, CUSTOMERS_PATH + "?size=40&seekOperation=Next")) {
            server.resetAll();
            server.stubFor(get(anyUrl()).willReturn(json(collection(customer(0), nextLink(foreign, CONTINUATION)))));

            assertThatThrownBy(this::fetchAll).as(foreign).isInstanceOfSatisfying(MalformedResponse.class, e -> {
                assertThat(e.location()).hasValue("links.next.uri");
                assertThat(e.getMessage()).contains("not followed");
                assertNoSecretIn(e, TOKEN);
            });
            assertThat(requests(server)).hasSize(1);
        }
        assertThat(requests(otherHost)).isEmpty();
    }

    @Test
    void theSharedMapperFindsTheCustomerReaders() throws IOException {
        CustomerDto read = WireJson.mapper(CustomerDto.class.getPackageName()).readValue(
                "{\"Id\":\"" + id(0) + "\",\"CompanyProfile\":{\"CompanyName\":\"Contoso\"},\"links\":{\"self\":{}}}",
                Argument.of(CustomerDto.class));

        assertThat(read.id()).isEqualTo(id(0).toString());
        assertThat(read.companyProfile().companyName()).isEqualTo("Contoso");
    }

    @Test
    void theGatewayNeverShowsTheToken() {
        assertThat(gateway.toString()).doesNotContain(TOKEN).contains("size=40");
    }

    /** Page one (customer 0) links to {@link #NEXT} with the continuation token; page two answers {@code second}. */
    void stubTwoPages(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder second) {
        server.stubFor(get(urlPathEqualTo(CUSTOMERS_PATH)).atPriority(1).withQueryParam("seekOperation", equalTo("Next"))
                .withHeader("MS-ContinuationToken", equalTo(CONTINUATION)).willReturn(second));
        server.stubFor(get(urlPathEqualTo(CUSTOMERS_PATH)).atPriority(5).withQueryParam("seekOperation", absent())
                .willReturn(json(collection(customer(0), nextLink(NEXT, CONTINUATION)))));
    }

    List<Page<Customer>> fetchAll() {
        return fetchAll(ScopedQuery.of(CustomerListScope.ALL));
    }

    List<Page<Customer>> fetchAll(ScopedQuery<CustomerListScope> query) {
        try (Stream<Page<Customer>> pages = gateway.fetchPages(query)) {
            return pages.collect(Collectors.toList());
        }
    }

    static CustomerId id(int n) {
        return CustomerId.parse(String.format("00000000-0000-4000-8000-%012d", n));
    }

    /** A customer as the service lists it, links and profile attributes included (the client skips them). */
    static String customer(int n) {
        return "{\"id\":\"" + id(n) + "\",\"companyProfile\":{\"tenantId\":\"" + id(n) + "\",\"domain\":\"c" + n
                + ".onmicrosoft.com\",\"companyName\":\"Customer " + n + "\",\"links\":{\"self\":{\"uri\":\"/customers/"
                + id(n) + "/profiles/company\",\"method\":\"GET\",\"headers\":[]}},\"attributes\":{\"objectType\":"
                + "\"CustomerCompanyProfile\"}},\"relationshipToPartner\":\"reseller\",\"links\":{\"self\":{\"uri\":"
                + "\"/customers/" + id(n) + "\",\"method\":\"GET\",\"headers\":[]}},\"attributes\":{\"objectType\":\"Customer\"}}";
    }

    static String collection(String items) {
        return collection(items, "");
    }

    static String collection(String items, String links) {
        return "{\"totalCount\":" + (items.isEmpty() ? 0 : items.split("\"relationshipToPartner\"|\\{\"id\"").length - 1)
                + ",\"items\":[" + items + "]" + links + ",\"attributes\":{\"objectType\":\"Collection\"}}";
    }
}
