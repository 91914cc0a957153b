package dev.pcorders.adapter.persistence.ledger;

import dev.pcorders.domain.order.OfferId;
import dev.pcorders.domain.shared.Amount;
import dev.pcorders.domain.shared.CurrencyCode;
import dev.pcorders.domain.shared.CustomerId;
import dev.pcorders.domain.shared.InputQuote;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of one data row, looked up by column name and parsed. Values are stripped of surrounding
 * blanks; a blank value in an optional column is absent. A value that cannot be read fails with the
 * column's name, so the message can point at the cell.
 */
final class RowFields {

    /** Whole numbers, optionally written with a zero fraction as spreadsheets sometimes do (5.00). */
    static final Pattern QUANTITY = Pattern.compile("[+-]?\\d{1,18}(\\.0*)?");
    /** Plain decimals only: no exponent, no thousands separator, no currency sign. */
    static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** The domain's rule for a product, SKU or availability id, checked here so the error names the column. */
    private static final Pattern OFFER_PART = Pattern.compile("[A-Za-z0-9]+");
    /** Partner Center writes OrderDate as M/D/YYYY (UTC). */
    private static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final LedgerHeader header;
    private final CsvLine row;
    private final RepeatedValues repeated;

    RowFields(LedgerHeader header, CsvLine row, RepeatedValues repeated) {
        this.header = header;
        this.row = row;
        this.repeated = repeated;
    }

    long line() {
        return row.line();
    }

    /** A value read by {@code reader}, or empty when it cannot be read. */
    static <T> Optional<T> readable(Reader<T> reader) {
        try {
            return Optional.of(reader.read());
        } catch (BadFieldException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** Reads one value of a row, failing as the row's readers do. */
    @FunctionalInterface
    interface Reader<T> {
        T read() throws BadFieldException;
    }

    /** A required, non-blank value. */
    String text(String column) throws BadFieldException {
        String value = textOrNull(column);
        if (value == null) {
            throw new BadFieldException(column, "a value is required");
        }
        return value;
    }

    Optional<String> optionalText(String column) {
        return Optional.ofNullable(textOrNull(column));
    }

    /** The stripped value, or null when blank or the column is absent: every value of every row is read through here. */
    private String textOrNull(String column) {
        int position = header.positionOrAbsent(column);
        if (position == LedgerHeader.ABSENT) {
            return null;
        }
        String value = row.fields().get(position).strip();
        return value.isEmpty() ? null : value;
    }

    CustomerId customerId(String column) throws BadFieldException {
        String value = text(column);
        try {
            return repeated.customer(value);
        } catch (IllegalArgumentException e) {
            throw new BadFieldException(column, e.getMessage());
        }
    }

    String offerPart(String column) throws BadFieldException {
        String value = text(column);
        if (!OFFER_PART.matcher(value).matches()) {
            throw new BadFieldException(column, "must be letters and digits, got " + InputQuote.quote(value));
        }
        return value;
    }

    /** A full offer id: PRODUCT:SKU:AVAILABILITY or a legacy GUID; other shapes would never match an order. */
    OfferId offerId(String column) throws BadFieldException {
        String value = text(column);
        OfferId offer = repeated.offer(value);
        if (offer instanceof OfferId.Other) {
            throw new BadFieldException(column, "must be PRODUCT:SKU:AVAILABILITY such as CFQ7TTC0LH18:0001:CFQ7TTC0K5BF"
                    + " or a legacy offer GUID, got " + InputQuote.quote(value));
        }
        return offer;
    }

    long quantity(String column) throws BadFieldException {
        String value = text(column);
        if (!isQuantity(value)) {
            throw new BadFieldException(column, "must be a whole number, got " + InputQuote.quote(value));
        }
        return wholeNumber(value);
    }

    /**
     * The value of a text {@link #isQuantity} accepts, as {@code new BigDecimal(value).longValueExact()} has it: at most
     * 18 digits always fit a long, and the fraction is zeros. Read by hand because every row has one.
     */
    static long wholeNumber(String value) {
        int at = sign(value);
        long number = 0;
        while (at < value.length() && value.charAt(at) != '.') {
            number = number * 10 + (value.charAt(at++) - '0');
        }
        return value.charAt(0) == '-' ? -number : number;
    }

    Optional<Amount> unitPrice(String column) throws BadFieldException {
        String value = textOrNull(column);
        if (value == null) {
            return Optional.empty();
        }
        if (!isDecimal(value)) {
            throw new BadFieldException(column, "must be a decimal number such as 12.50, got " + InputQuote.quote(value));
        }
        return Optional.of(Amount.parse(value));
    }

    /** Whether {@code value} matches {@link #QUANTITY}; checked by hand, as every row asks (RowFieldsPropertyTest). */
    static boolean isQuantity(String value) {
        int at = sign(value);
        int digits = digits(value, at);
        at += digits;
        if (digits < 1 || digits > 18) {
            return false;
        }
        if (at < value.length() && value.charAt(at) == '.') {
            at++;
            while (at < value.length() && value.charAt(at) == '0') {
                at++;
            }
        }
        return at == value.length();
    }

    /** Whether {@code value} matches {@link #DECIMAL}; checked by hand, as every row asks (RowFieldsPropertyTest). */
    static boolean isDecimal(String value) {
        int at = sign(value);
        int whole = digits(value, at);
        at += whole;
        int fraction = 0;
        if (at < value.length() && value.charAt(at) == '.') {
            at++;
            fraction = digits(value, at);
            at += fraction;
        }
        return at == value.length() && (whole > 0 || fraction > 0);
    }

    private static int sign(String value) {
        return !value.isEmpty() && (value.charAt(0) == '+' || value.charAt(0) == '-') ? 1 : 0;
    }

    /** How many ASCII digits (what the patterns' \d matches) start at {@code from}. */
    private static int digits(String value, int from) {
        int at = from;
        while (at < value.length() && value.charAt(at) >= '0' && value.charAt(at) <= '9') {
            at++;
        }
        return at - from;
    }

    Optional<CurrencyCode> currency(String column) throws BadFieldException {
        String value = textOrNull(column);
        try {
            return value == null ? Optional.empty() : Optional.of(CurrencyCode.of(value));
        } catch (IllegalArgumentException e) {
            throw new BadFieldException(column, e.getMessage());
        }
    }

    Optional<LocalDate> orderDate(String column) throws BadFieldException {
        Optional<String> value = optionalText(column);
        try {
            return value.map(text -> LocalDate.parse(text, ORDER_DATE));
        } catch (DateTimeParseException e) {
            throw new BadFieldException(column, "must be a date written M/D/YYYY such as 3/14/2025, got "
                    + InputQuote.quote(value.orElseThrow()));
        }
    }
}
