package dev.pcorders.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pcorders.domain.order.BillingCycle;
import dev.pcorders.domain.order.LineItemTransactionType;
import dev.pcorders.domain.order.OrderStatus;
import dev.pcorders.domain.order.OrderTransactionType;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Coded#parse} looks spellings up in tables built once per enum; these hold it to the plain scan
 * over the constants that states the rule: case-insensitive, ignoring {@code _}, {@code -} and spaces.
 */
class OpenEnumLookupTest {

    private static final List<Class<? extends OpenEnum>> OPEN_ENUMS = List.of(BillingCycle.class, OrderStatus.class,
            OrderTransactionType.class, LineItemTransactionType.class);

    @ParameterizedTest
    @CsvSource({"Annual, ANNUAL", "ANNUAL, ANNUAL", "aNnUaL, ANNUAL", "one_time, ONE_TIME", "ONE_TIME, ONE_TIME",
            "One Time, ONE_TIME", "o-n-e_t i m e, ONE_TIME", "Unknown, UNKNOWN"})
    void everySpellingKeepsTheRawStringExactlyAsSent(String raw, BillingCycle expected) {
        Coded<BillingCycle> parsed = Coded.parse(BillingCycle.class, raw);
        assertThat(parsed.known()).isEqualTo(expected);
        assertThat(parsed.raw()).isEqualTo(raw);
    }

    @Test
    void theSpellingsTheServiceWritesAreEqualEachTime() {
        for (String raw : List.of("Annual", "monthly", "New", "addQuantity", "UserPurchase", "completed")) {
            assertThat(Coded.parse(LineItemTransactionType.class, raw)).isEqualTo(Coded.parse(LineItemTransactionType.class, raw));
            assertThat(Coded.parse(BillingCycle.class, raw)).isEqualTo(Coded.parse(BillingCycle.class, raw));
        }
        assertThat(Coded.parse(LineItemTransactionType.class, "addQuantity").known())
                .isEqualTo(LineItemTransactionType.ADD_QUANTITY);
        assertThat(Coded.parse(OrderTransactionType.class, "SYSTEM_BILLING").known())
                .isEqualTo(OrderTransactionType.SYSTEM_BILLING);
    }

    @Test
    void anEmptyOrSeparatorOnlyValueIsUnrecognisedNotAnError() {
        for (String raw : List.of("", "_", " - ")) {
            Coded<OrderStatus> parsed = Coded.parse(OrderStatus.class, raw);
            assertThat(parsed.known()).isEqualTo(OrderStatus.UNKNOWN);
            assertThat(parsed.raw()).isEqualTo(raw);
        }
    }

    @Provide
    Arbitrary<String> spellings() {
        Arbitrary<String> wireNames = Arbitraries.of(OPEN_ENUMS).flatMap(type -> Arbitraries.of(type.getEnumConstants()))
                .map(constant -> ((Enum<?>) constant).name() + "|" + constant.wireName())
                .flatMap(names -> Arbitraries.of(names.split("\\|")))
                .flatMap(name -> Arbitraries.integers().between(0, 3).map(variant -> respell(name, variant)));
        Arbitrary<String> noise = Arbitraries.strings().withChars("aeiounrtmlyAUNRT_- ").ofMaxLength(16);
        return Arbitraries.oneOf(wireNames, noise);
    }

    @Property(tries = 3000)
    @SuppressWarnings({"unchecked", "rawtypes"})
    void lookupAgreesWithAScanOfTheConstants(@ForAll("spellings") String raw) {
        for (Class type : OPEN_ENUMS) {
            Coded<?> parsed = Coded.parse(type, raw);
            assertThat(parsed.known()).as("%s in %s", raw, type.getSimpleName()).isEqualTo(scan(type, raw));
            assertThat(parsed.raw()).isEqualTo(raw);
        }
    }

    private static String respell(String name, int variant) {
        switch (variant) {
            case 0:
                return name.toUpperCase(Locale.ROOT);
            case 1:
                return name.toLowerCase(Locale.ROOT).replace("_", "-");
            case 2:
                return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
            default:
                return name.replace("_", " ");
        }
    }

    private static OpenEnum scan(Class<? extends OpenEnum> type, String raw) {
        String wanted = plain(raw);
        OpenEnum unknown = null;
        for (OpenEnum constant : type.getEnumConstants()) {
            if (constant.isUnknown()) {
                unknown = constant;
            }
            if (plain(constant.wireName()).equals(wanted) || plain(((Enum<?>) constant).name()).equals(wanted)) {
                return constant;
            }
        }
        return unknown;
    }

    private static String plain(String text) {
        return text.replaceAll("[_\\- ]", "").toLowerCase(Locale.ROOT);
    }
}
