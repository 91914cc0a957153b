package dev.pcorders.adapter.persistence.ledger;

import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.order.port.out.LedgerReadException.Reason;
import dev.pcorders.domain.shared.InputQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A ledger's header row, read: which format it is and where each column the format uses sits.
 * Names match ignoring case and surrounding blanks; order does not matter; unused columns are ignored
 * (exports gain columns over time).
 */
final class LedgerHeader {

    /** The position of a column the format uses but the file does not have. */
    static final int ABSENT = -1;

    private final LedgerFormat format;
    /** Every column the format uses, spelled as the format spells it, and where it sits (or {@link #ABSENT}). */
    private final Map<String, Integer> positions;
    /** The same, as two arrays. */
    private final String[] usedColumns;
    private final int[] usedPositions;
    private final int width;

    private LedgerHeader(LedgerFormat format, Map<String, Integer> positions, int width) {
        this.format = format;
        this.positions = Map.copyOf(positions);
        this.width = width;
        this.usedColumns = positions.keySet().toArray(String[]::new);
        this.usedPositions = new int[usedColumns.length];
        for (int i = 0; i < usedColumns.length; i++) {
            usedPositions[i] = positions.get(usedColumns[i]);
        }
    }

    /** @throws LedgerReadException when the header matches no format, lacks a column, or names a used column twice */
    static LedgerHeader recognise(Path file, CsvLine header) {
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            byName.computeIfAbsent(key(header.fields().get(i)), name -> new ArrayList<>()).add(i);
        }
        List<LedgerFormat> complete = new ArrayList<>();
        for (LedgerFormat format : LedgerFormat.values()) {
            if (missing(format, byName).isEmpty()) {
                complete.add(format);
            }
        }
        OptionalLong line = OptionalLong.of(header.line());
        if (complete.size() > 1) {
            throw new LedgerReadException(Reason.UNKNOWN_FORMAT, file, line, Optional.empty(),
                    "the header has the columns of more than one format, so it is unclear how to read it; accepted: "
                            + accepted(), null);
        }
        if (complete.isEmpty()) {
            throw incomplete(file, header, byName);
        }
        LedgerFormat format = complete.get(0);
        Map<String, Integer> positions = new HashMap<>();
        for (String column : used(format)) {
            List<Integer> found = byName.getOrDefault(key(column), List.of());
            if (found.size() > 1) {
                throw new LedgerReadException(Reason.UNKNOWN_FORMAT, file, line, Optional.of(column),
                        "column " + column + " appears " + found.size() + " times in the header, so it is unclear which to read",
                        null);
            }
            positions.put(column, found.isEmpty() ? ABSENT : found.get(0));
        }
        return new LedgerHeader(format, positions, header.fields().size());
    }

    private static LedgerReadException incomplete(Path file, CsvLine header, Map<String, List<Integer>> byName) {
        // The format the header shares most required columns with is the one it was meant to be.
        LedgerFormat closest = null;
        long closestShared = 0;
        for (LedgerFormat format : LedgerFormat.values()) {
            long shared = format.required().size() - missing(format, byName).size();
            if (shared > closestShared) {
                closest = format;
                closestShared = shared;
            }
        }
        OptionalLong line = OptionalLong.of(header.line());
        if (closest == null) {
            return new LedgerReadException(Reason.UNKNOWN_FORMAT, file, line, Optional.empty(),
                    "the header row " + InputQuote.quote(String.join(",", header.fields()))
                            + " matches no known ledger format; accepted: " + accepted(), null);
        }
        List<String> absent = missing(closest, byName);
        return new LedgerReadException(Reason.MISSING_COLUMN, file, line, Optional.of(String.join(", ", absent)),
                "the header looks like a " + closest.title() + " but lacks the column" + (absent.size() > 1 ? "s " : " ")
                        + String.join(", ", absent) + "; accepted: " + accepted(), null);
    }

    private static List<String> missing(LedgerFormat format, Map<String, List<Integer>> byName) {
        return format.required().stream().filter(column -> !byName.containsKey(key(column))).toList();
    }

    private static List<String> used(LedgerFormat format) {
        List<String> used = new ArrayList<>(format.required());
        used.addAll(format.optional());
        return used;
    }

    private static String accepted() {
        return Arrays.stream(LedgerFormat.values()).map(LedgerFormat::describe).collect(Collectors.joining(" or "));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    LedgerFormat format() {
        return format;
    }

    /** Where {@code column} (one the format uses) sits; empty for an optional column the file does not have. */
    OptionalInt position(String column) {
        int position = positionOrAbsent(column);
        return position == ABSENT ? OptionalInt.empty() : OptionalInt.of(position);
    }

    /**
     * As {@link #position}, with {@link #ABSENT} for empty: asked for every value of every row, where an OptionalInt each
     * was a fifth of what reading a row allocated.
     */
    int positionOrAbsent(String column) {
        // Always asked with the format's own constants: a scan by identity beats hashing.
        for (int i = 0; i < usedColumns.length; i++) {
            if (usedColumns[i] == column) {
                return usedPositions[i];
            }
        }
        Integer position = positions.get(column);
        return position == null ? ABSENT : position;
    }

    /** @throws BadFieldException when the row has more or fewer fields than the header: its values would be misread */
    void checkWidth(CsvLine row) throws BadFieldException {
        if (row.fields().size() != width) {
            throw new BadFieldException(BadFieldException.WHOLE_ROW, "the row has " + row.fields().size()
                    + " fields but the header has " + width + (row.fields().size() > width
                    ? "; is a value with a comma not quoted?" : ""));
        }
    }
}
