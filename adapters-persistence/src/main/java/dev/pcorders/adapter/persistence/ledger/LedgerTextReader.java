package dev.pcorders.adapter.persistence.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The characters of a ledger file, decoded as UTF-8 and handed to FastCSV.
 *
 * <p>Decoding is strict: a byte sequence that is not UTF-8 fails the read instead of becoming U+FFFD,
 * which would otherwise slip into ids and make rows silently miss their orders. A leading byte order
 * mark is dropped (spreadsheet tools write one). Line breaks are counted as the text goes by, so an
 * encoding error can name its line even though FastCSV reads ahead.
 *
 * <p>RFC 4180 quoting is followed just far enough to notice a quote still open at the end of the file:
 * FastCSV reads that as one last field holding the rest of the file, which would hide broken quoting.
 *
 * <p>Text is handed out in bulk, a decoded buffer at a time: the one pass over each character counts lines, follows
 * quoting and looks for NUL and lone CRs, and only a buffer holding a lone CR is copied again.
 *
 * <p>A CR not followed by LF is handed out as CRLF. Both are one line break, so line numbers do not
 * change, but FastCSV 4.1.0 mishandles a lone CR inside a quoted value: it then takes the next LF,
 * even the one ending the record, for the second half of a CRLF, which merges records (a one-column
 * record silently disappears) and miscounts lines. The price is that such a value reads with CRLF
 * where the file had CR; ids never hold line breaks, so nothing that is compared changes.
 */
final class LedgerTextReader extends Reader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int DEFAULT_BUFFER = 64 * 1024;

    /** Where the text is with respect to RFC 4180 quoting. */
    private enum Quoting { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final InputStream input;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    private final CharBuffer decoded;
    private long bytesBeforeBuffer;
    private boolean inputEnded;
    private boolean decoderFlushed;
    private boolean firstCharsSeen;
    private LedgerTextException failure;

    /** What is handed out next: {@code decoded}'s array, or {@code expanded} where lone CRs became CRLF. */
    private char[] text;
    private int textPosition;
    private int textLimit;
    private char[] expanded = new char[0];

    private long line = 1;
    /** CRs not followed by LF that {@link #follow} found: the one pending from the previous buffer included. */
    private int loneCarriageReturns;
    /** The last character followed was a CR: if the next is not LF, that CR was a lone one. */
    private boolean afterCarriageReturn;
    private Quoting quoting = Quoting.FIELD_START;
    private long quoteOpenedOn;

    LedgerTextReader(InputStream input) {
        this(input, DEFAULT_BUFFER);
    }

    LedgerTextReader(InputStream input, int bufferSize) {
        this.input = Objects.requireNonNull(input, "input");
        // Room for at least one whole UTF-8 sequence, so decoding always makes progress.
        this.bytes = ByteBuffer.allocate(Math.max(bufferSize, 8)).flip();
        this.decoded = CharBuffer.allocate(Math.max(bufferSize, 8));
        this.text = decoded.array();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        while (textPosition == textLimit) {
            if (decoderFlushed || failure != null) {
                return endOfText(target, offset);
            }
            decodeMore();
        }
        int count = Math.min(length, textLimit - textPosition);
        System.arraycopy(text, textPosition, target, offset, count);
        textPosition += count;
        return count;
    }

    private int endOfText(char[] target, int offset) throws LedgerTextException {
        if (afterCarriageReturn) {
            // The text ended on a lone CR: it goes out as CRLF like any other.
            afterCarriageReturn = false;
            target[offset] = '\n';
            return 1;
        }
        if (failure != null) {
            throw failure;
        }
        if (quoting == Quoting.QUOTED) {
            failure = new LedgerTextException(quoteOpenedOn,
                    "broken quoting: the quote opened on line " + quoteOpenedOn + " is never closed");
            throw failure;
        }
        return -1;
    }

    /** Decodes the next buffer of text (possibly none, at the end or before a failure) and follows it. */
    private void decodeMore() throws IOException {
        decoded.clear();
        String malformed = null;
        while (decoded.position() == 0 && failure == null && !decoderFlushed) {
            CoderResult result = decoder.decode(bytes, decoded, inputEnded);
            if (result.isError()) {
                malformed = describeMalformed(result.length());
                break;
            }
            if (result.isUnderflow()) {
                if (inputEnded) {
                    decoder.flush(decoded);
                    decoderFlushed = true;
                } else {
                    readMoreBytes();
                }
            }
        }
        decoded.flip();
        if (!firstCharsSeen && decoded.hasRemaining()) {
            firstCharsSeen = true;
            if (decoded.get(decoded.position()) == BYTE_ORDER_MARK) {
                decoded.get();
            }
        }
        boolean pendingCarriageReturn = afterCarriageReturn;
        int nul = follow(decoded.array(), decoded.position(), decoded.limit());
        int end = nul >= 0 ? nul : decoded.limit();
        handOut(decoded.array(), decoded.position(), end, pendingCarriageReturn);
        if (nul >= 0) {
            // Valid UTF-8, but text never holds NUL: UTF-16 without a byte order mark does, in every other byte.
            failure = new LedgerTextException(line, "not valid UTF-8 on line " + line
                    + ": a NUL character, as UTF-16 text has; save the file as UTF-8");
        } else if (malformed != null) {
            // Thrown once the characters before it have been handed out: their rows are still read.
            failure = new LedgerTextException(line, "not valid UTF-8 on line " + line + ": " + malformed);
        }
    }

    /**
     * Sets {@code [from, to)} of {@code chars} up to be handed out, with an LF after every CR not followed by one
     * (and before the first character when the previous buffer ended on such a CR), as {@link #follow} counted them.
     * A CR ending this buffer waits for the next one, or the end of the text, to tell.
     */
    private void handOut(char[] chars, int from, int to, boolean pendingCarriageReturn) {
        if (loneCarriageReturns == 0) {
            text = chars;
            textPosition = from;
            textLimit = to;
            return;
        }
        if (expanded.length < to - from + loneCarriageReturns) {
            expanded = new char[to - from + loneCarriageReturns];
        }
        int out = 0;
        boolean afterCr = pendingCarriageReturn;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (afterCr && c != '\n') {
                expanded[out++] = '\n';
            }
            expanded[out++] = c;
            afterCr = c == '\r';
        }
        text = expanded;
        textPosition = 0;
        textLimit = out;
    }

    private String describeMalformed(int length) {
        int shown = Math.min(length, bytes.remaining());
        byte[] sequence = new byte[shown];
        bytes.get(bytes.position(), sequence);
        return "bytes " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(sequence)
                + " at byte offset " + (bytesBeforeBuffer + bytes.position())
                + "; save the file as UTF-8";
    }

    private void readMoreBytes() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        int read = input.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            inputEnded = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    /**
     * Counts line breaks (CR, LF, CRLF, as FastCSV does) and tracks quoting over freshly decoded text, up to the
     * first NUL; returns where that is, or -1. The state lives in locals while the loop runs, and runs of ordinary
     * characters are skipped without touching it: this loop sees every character of the ledger.
     */
    private int follow(char[] chars, int from, int to) {
        Quoting state = quoting;
        boolean afterCr = afterCarriageReturn;
        long lines = line;
        int lone = 0;
        int nul = -1;
        int i = from;
        while (i < to) {
            char c = chars[i++];
            if (c > ',') {
                // Neither a quote, a comma, a line break nor NUL: by far the most characters, and alike to the state.
                while (i < to && chars[i] > ',') {
                    i++;
                }
                if (state != Quoting.QUOTED) {
                    state = Quoting.UNQUOTED;
                }
                if (afterCr) {
                    lone++;
                    afterCr = false;
                }
                continue;
            }
            if (c == '\u0000') {
                nul = i - 1;
                break;
            }
            boolean endsField = c == ',' || c == '\r' || c == '\n';
            switch (state) {
                case FIELD_START -> {
                    if (c == '"') {
                        state = Quoting.QUOTED;
                        quoteOpenedOn = lines;
                    } else if (!endsField) {
                        state = Quoting.UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (endsField) {
                        state = Quoting.FIELD_START;
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = Quoting.QUOTE_IN_QUOTED;
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    // A doubled quote is an escaped one; anything else after a closing quote FastCSV reports itself.
                    if (c == '"') {
                        state = Quoting.QUOTED;
                    } else {
                        state = endsField ? Quoting.FIELD_START : Quoting.UNQUOTED;
                    }
                }
            }
            if (afterCr && c != '\n') {
                lone++;
            }
            if (c == '\r') {
                lines++;
                afterCr = true;
            } else {
                if (c == '\n' && !afterCr) {
                    lines++;
                }
                afterCr = false;
            }
        }
        quoting = state;
        afterCarriageReturn = afterCr;
        line = lines;
        loneCarriageReturns = lone;
        return nul;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
