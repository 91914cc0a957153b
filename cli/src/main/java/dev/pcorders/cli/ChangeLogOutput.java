package dev.pcorders.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A change log of any resource in the three shapes of {@code changes}: a JSON array of objects (absent values left
 * out, numbers as numbers), CSV with the JSON names as header, and a table. Each resource says its columns and how
 * one change fills them.
 */
final class ChangeLogOutput {

    private static final JsonFactory JSON = new JsonFactory();

    /** One column: its JSON (and CSV) name, its table heading, and whether it is a number (JSON, right-aligned). */
    record Column(String jsonName, String heading, boolean number) {

        static Column text(String jsonName, String heading) {
            return new Column(jsonName, heading, false);
        }

        static Column number(String jsonName, String heading) {
            return new Column(jsonName, heading, true);
        }
    }

    private ChangeLogOutput() {
    }

    static <C> void print(List<C> changes, List<Column> columns, Function<C, List<Optional<String>>> values,
                          String noneRecorded, OutputFormat format, PrintWriter out) throws IOException {
        if (format == OutputFormat.JSON) {
            try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartArray();
                for (C change : changes) {
                    json.writeStartObject();
                    List<Optional<String>> row = values.apply(change);
                    for (int i = 0; i < columns.size(); i++) {
                        Column column = columns.get(i);
                        if (row.get(i).isEmpty()) {
                            continue;
                        }
                        json.writeFieldName(column.jsonName());
                        if (column.number()) {
                            json.writeNumber(Long.parseLong(row.get(i).get()));
                        } else {
                            json.writeString(row.get(i).get());
                        }
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            out.println();
        } else if (format == OutputFormat.CSV) {
            SpreadsheetCsv csv = new SpreadsheetCsv(out);
            csv.row(columns.stream().map(Column::jsonName).toList());
            changes.forEach(change -> csv.row(text(values.apply(change))));
            csv.flush();
        } else {
            boolean[] rightAligned = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                rightAligned[i] = columns.get(i).number();
            }
            TextTable table = new TextTable(columns.stream().map(Column::heading).toList(), rightAligned);
            changes.forEach(change -> table.add(text(values.apply(change))));
            if (table.isEmpty()) {
                out.println(noneRecorded);
            } else {
                table.print(out);
            }
        }
        out.flush();
    }

    private static List<String> text(List<Optional<String>> row) {
        List<String> cells = new ArrayList<>(row.size());
        row.forEach(value -> cells.add(value.orElse("")));
        return cells;
    }
}
