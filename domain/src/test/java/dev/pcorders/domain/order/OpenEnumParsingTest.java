package dev.pcorders.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.domain.shared.Coded;
import dev.pcorders.domain.shared.OpenEnum;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenEnumParsingTest {

    /** Every enum-valued property the published samples carry, with the enum it belongs to. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_PROPERTIES = Map.of(
            "billingcycle", BillingCycle.class,
            "status", OrderStatus.class);

    private static final Pattern STRING_PROPERTY = Pattern.compile("\"([A-Za-z]+)\"\\s*:\\s*\"([^\"]*)\"");

    @Test
    void everySpellingInThePublishedFixturesIsRecognised() throws Exception {
        List<String> seen = new ArrayList<>();
        for (Path fixture : fixtures()) {
            String body = Files.readString(fixture, StandardCharsets.UTF_8);
            Matcher property = STRING_PROPERTY.matcher(body);
            while (property.find()) {
                String name = property.group(1).toLowerCase(java.util.Locale.ROOT);
                String value = property.group(2);
                if (name.equals("transactiontype")) {
                    // Orders and line items share the property name; each value belongs to one of the two sets.
                    Coded<OrderTransactionType> asOrder = Coded.parse(OrderTransactionType.class, value);
                    Coded<LineItemTransactionType> asItem = Coded.parse(LineItemTransactionType.class, value);
                    assertThat(asOrder.isUnrecognised() && asItem.isUnrecognised())
                            .as("transactionType %s in %s", value, fixture.getFileName()).isFalse();
                    seen.add(value);
                } else if (ENUM_PROPERTIES.containsKey(name)) {
                    Coded<?> parsed = parse(ENUM_PROPERTIES.get(name), value);
                    assertThat(parsed.isUnrecognised()).as("%s %s in %s", name, value, fixture.getFileName()).isFalse();
                    assertThat(parsed.raw()).isEqualTo(value);
                    seen.add(value);
                }
            }
        }
        // Guards against the scan silently finding nothing (a moved fixture folder, a changed regex).
        assertThat(seen).contains("Annual", "monthly", "one_time", "cancelled", "completed", "pending", "New",
                "UserPurchase");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Coded<?> parse(Class type, String value) {
        return Coded.parse(type, value);
    }

    private static List<Path> fixtures() throws URISyntaxException, IOException {
        URL folder = OpenEnumParsingTest.class.getResource("/fixtures/partner-center");
        assertThat(folder).as("fixtures on the test classpath").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<Path> json = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            assertThat(json).hasSizeGreaterThanOrEqualTo(9);
            return json;
        }
    }

    @ParameterizedTest
    @CsvSource({
            "one_time, ONE_TIME", "OneTime, ONE_TIME", "ONE-TIME, ONE_TIME", "Annual, ANNUAL", "annual, ANNUAL",
            "triennial, TRIENNIAL", "Triennial, TRIENNIAL", "monthly, MONTHLY", "none, NONE", "biennial, BIENNIAL",
            "unknown, UNKNOWN"})
    void billingCyclesParseLeniently(String raw, BillingCycle expected) {
        Coded<BillingCycle> parsed = BillingCycle.parse(raw);
        assertThat(parsed.known()).isEqualTo(expected);
        assertThat(parsed.raw()).isEqualTo(raw);
        assertThat(parsed.isUnrecognised()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"quadrennial", "fortnightly", "one time later", "''"})
    void anUnknownValueIsKeptRawNotRejected(String raw) {
        Coded<BillingCycle> parsed = BillingCycle.parse(raw);
        assertThat(parsed.known()).isEqualTo(BillingCycle.UNKNOWN);
        assertThat(parsed.raw()).isEqualTo(raw);
        assertThat(parsed.toString()).isEqualTo(raw);
        assertThat(parsed.isUnrecognised()).isTrue();

        Coded<OrderStatus> status = Coded.parse(OrderStatus.class, "awaitingSignature");
        assertThat(status.known()).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(status.raw()).isEqualTo("awaitingSignature");
    }

    @Test
    void theLiteralUnknownIsNotAnUnrecognisedValue() {
        assertThat(BillingCycle.parse("Unknown").isUnrecognised()).isFalse();
    }

    @Test
    void billingCyclesKnowTheirPartnerCenterIntegers() {
        assertThat(BillingCycle.values()).extracting(BillingCycle::partnerCenterCode)
                .containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(BillingCycle.ONE_TIME.partnerCenterCode()).isEqualTo(4);
        assertThat(BillingCycle.TRIENNIAL.partnerCenterCode()).isEqualTo(5);
        assertThat(BillingCycle.fromPartnerCenterCode(6)).contains(BillingCycle.BIENNIAL);
        assertThat(BillingCycle.fromPartnerCenterCode(7)).isEmpty();
    }

    @Test
    void sameValueIgnoresSpellingButNotMeaning() {
        assertThat(BillingCycle.parse("Annual").sameValueAs(BillingCycle.parse("annual"))).isTrue();
        assertThat(BillingCycle.parse("Annual").sameValueAs(BillingCycle.parse("monthly"))).isFalse();
        assertThat(BillingCycle.parse("weekly").sameValueAs(BillingCycle.parse("Weekly"))).isTrue();
        assertThat(BillingCycle.parse("weekly").sameValueAs(BillingCycle.parse("daily"))).isFalse();
    }

    @Test
    void everyOpenEnumHasExactlyOneUnknownAndDistinctWireNames() {
        List<Class<? extends OpenEnum>> types = List.of(BillingCycle.class, OrderStatus.class,
                OrderTransactionType.class, LineItemTransactionType.class);
        for (Class<? extends OpenEnum> type : types) {
            OpenEnum[] constants = type.getEnumConstants();
            assertThat(Stream.of(constants).filter(OpenEnum::isUnknown)).as(type.getSimpleName()).hasSize(1);
            assertThat(Stream.of(constants).map(OpenEnum::wireName).distinct()).hasSize(constants.length);
            for (OpenEnum constant : constants) {
                Coded<?> roundTrip = parse((Class) type, constant.wireName());
                assertThat(roundTrip.known()).isEqualTo(constant);
            }
        }
    }
}
