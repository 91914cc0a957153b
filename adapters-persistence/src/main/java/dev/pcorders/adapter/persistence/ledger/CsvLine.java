package dev.pcorders.adapter.persistence.ledger;

import java.util.Collections;
import java.util.List;

/**
 * One CSV record as parsed, with the physical file line it starts on (quoted line breaks counted). Takes the list
 * it is given, unmodifiable but not copied: {@link CsvLineHandler} hands each record a list of its own, and a copy
 * per row of a million-row ledger was measurable.
 */
record CsvLine(long line, List<String> fields) {

    CsvLine {
        fields = Collections.unmodifiableList(fields);
    }
}
