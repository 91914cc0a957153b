package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcorders.application.shared.port.out.StoreException;
import dev.pcorders.domain.order.CachedOrder;
import dev.pcorders.domain.order.Order;
import dev.pcorders.domain.order.OrderId;
import dev.pcorders.domain.shared.CustomerId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A listing is printed as the cache hands it over, so a read failing part-way must not look like a complete listing. */
class OrderOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final CustomerId CUSTOMER = CustomerId.parse("4a1a8bd8-6e0f-4c3b-9d7b-2f3e5d6c7b8a");

    private static final StoreException READ_FAILED =
            new StoreException(StoreException.Reason.UNEXPECTED, "disk I/O error while reading cached orders");

    private static CachedOrder order(String id) {
        return new CachedOrder(Order.builder(OrderId.of(id), CUSTOMER, Instant.parse("2025-03-14T09:26:53Z")).build(),
                Optional.empty());
    }

    /** Hands over the first order, then fails as a store read would. */
    private static void firstThenFailure(java.util.function.Consumer<CachedOrder> action) {
        action.accept(order("first"));
        throw READ_FAILED;
    }

    @Test
    void aJsonListingCutShortIsLeftUnterminatedNotClosedIntoAShorterValidArray() {
        StringWriter text = new StringWriter();

        assertThatThrownBy(() -> OrderOutput.json(OrderOutputTest::firstThenFailure, new PrintWriter(text)))
                .isSameAs(READ_FAILED);

        assertThat(text.toString()).contains("\"id\" : \"first\"");
        assertThatThrownBy(() -> JSON.readTree(text.toString())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aCompleteJsonListingIsOneArray() throws Exception {
        StringWriter text = new StringWriter();

        OrderOutput.json(List.of(order("a"), order("b"))::forEach, new PrintWriter(text));

        assertThat(JSON.readTree(text.toString()).size()).isEqualTo(2);
    }

    @Test
    void aCsvListingCutShortEndsWithTheWholeRowsReadAndTheFailureReachesTheCaller() {
        StringWriter text = new StringWriter();

        assertThatThrownBy(() -> OrderOutput.csv(OrderOutputTest::firstThenFailure, new PrintWriter(text)))
                .isSameAs(READ_FAILED);

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("customerId,orderId");
        assertThat(lines.get(1)).startsWith(CUSTOMER + ",first,");
        assertThat(text.toString()).endsWith("\n");
    }
}
