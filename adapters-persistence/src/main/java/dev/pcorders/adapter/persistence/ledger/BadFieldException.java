package dev.pcorders.adapter.persistence.ledger;

/**
 * A data row whose value in {@link #column()} cannot be read. Checked, so every caller decides between
 * failing the file and listing the row; without a stack trace, as a lenient read of a bad file makes many.
 */
final class BadFieldException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The column name used when the row as a whole is wrong, e.g. it has more fields than the header. */
    static final String WHOLE_ROW = "*";

    private final String column;

    BadFieldException(String column, String problem) {
        super(problem, null, false, false);
        this.column = column;
    }

    String column() {
        return column;
    }

    String problem() {
        return getMessage();
    }
}
