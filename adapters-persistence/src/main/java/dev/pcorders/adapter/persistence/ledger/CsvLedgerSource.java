package dev.pcorders.adapter.persistence.ledger;

import de.siegmar.fastcsv.reader.CsvReader;
import dev.pcorders.application.order.port.out.LedgerReadException;
import dev.pcorders.application.order.port.out.LedgerReadException.Reason;
import dev.pcorders.application.order.port.out.LedgerSource;
import dev.pcorders.domain.reconciliation.LedgerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads ledger files: Partner Center's new-commerce invoice reconciliation export, or the partner's own
 * ledger ({@code customer_id, order_id, offer_id, quantity[, unit_price, currency, subscription_id]}),
 * told apart by the header row. CSV as RFC 4180 has it, UTF-8 with or without a byte order mark.
 * Rows are read lazily, a few thousand ahead of the caller on a thread of their own ({@link LedgerReadAhead}), so a
 * file of millions of rows never sits in memory.
 */
public final class CsvLedgerSource implements LedgerSource {

    /** FastCSV's own default: a record longer than this many characters is taken for broken quoting. */
    static final int DEFAULT_MAX_RECORD_LENGTH = 16 * 1024 * 1024;

    private final int maxRecordLength;

    public CsvLedgerSource() {
        this(DEFAULT_MAX_RECORD_LENGTH);
    }

    CsvLedgerSource(int maxRecordLength) {
        if (maxRecordLength < 1) {
            throw new IllegalArgumentException("maximum record length must be positive, got " + maxRecordLength);
        }
        this.maxRecordLength = maxRecordLength;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The header is read before this returns: a missing file, an unknown format or a missing column
     * fails here rather than on the first row. The rows are then read on a thread of their own until the stream is
     * closed or the file ends; close the stream to stop it.
     */
    @Override
    public Stream<LedgerEntry> read(Path ledger, boolean lenient) {
        LedgerReadAhead entries = new LedgerReadAhead(open(ledger, lenient), ledger);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(entries::close);
    }

    /**
     * The title of the ledger's format ("Partner Center invoice reconciliation export", "partner ledger (with
     * subscription_id)"), told by its header row exactly as {@link #read} tells it; only the header is read.
     *
     * @throws LedgerReadException as {@link #read} would for the file and its header
     */
    @Override
    public Optional<String> formatOf(Path ledger) {
        LedgerEntries entries = open(ledger, true);
        try {
            return Optional.of(entries.formatTitle());
        } finally {
            entries.close();
        }
    }

    /** The ledger opened and its header read; a failure closes what was opened. */
    private LedgerEntries open(Path ledger, boolean lenient) {
        Objects.requireNonNull(ledger, "ledger");
        CsvLineHandler handler = new CsvLineHandler();
        CsvReader<CsvLine> csv = CsvReader.builder()
                // Rows of the wrong width are this adapter's to report, with their line, as bad rows.
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .maxBufferSize(maxRecordLength)
                .build(handler, new LedgerTextReader(openFile(ledger)));
        try {
            return new LedgerEntries(ledger, lenient, csv, handler);
        } catch (LedgerReadException e) {
            closeAfterFailure(csv, e);
            throw e;
        }
    }

    private static InputStream openFile(Path ledger) {
        try {
            if (Files.isDirectory(ledger)) {
                throw new LedgerReadException(Reason.UNREADABLE, ledger, OptionalLong.empty(), Optional.empty(),
                        "is a directory, not a ledger file", null);
            }
            return Files.newInputStream(ledger);
        } catch (NoSuchFileException e) {
            throw new LedgerReadException(Reason.UNREADABLE, ledger, OptionalLong.empty(), Optional.empty(),
                    "no such file", e);
        } catch (AccessDeniedException e) {
            throw new LedgerReadException(Reason.UNREADABLE, ledger, OptionalLong.empty(), Optional.empty(),
                    "permission denied", e);
        } catch (IOException e) {
            throw new LedgerReadException(Reason.UNREADABLE, ledger, OptionalLong.empty(), Optional.empty(),
                    "cannot open the file: " + e.getMessage(), e);
        }
    }

    private static void closeAfterFailure(CsvReader<CsvLine> csv, LedgerReadException failure) {
        try {
            csv.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
