package dev.pcorders.adapter.persistence.ledger;

import java.util.List;

/** One CSV record as parsed, with the physical file line it starts on (quoted line breaks counted). */
record CsvLine(long line, List<String> fields) {

    CsvLine {
        fields = List.copyOf(fields);
    }
}
