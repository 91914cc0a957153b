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
 */
final class LedgerTextReader extends Reader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int DEFAULT_BUFFER = 16 * 1024;

    /** Where the text is with respect to RFC 4180 quoting. */
    private enum Quoting { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final InputStream input;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    private final CharBuffer chars;
    private long bytesBeforeBuffer;
    private boolean inputEnded;
    private boolean decoderFlushed;
    private boolean firstCharsSeen;
    private LedgerTextException failure;

    private long line = 1;
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
        this.chars = CharBuffer.allocate(Math.max(bufferSize, 8)).flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining()) {
            decodeMore();
            if (!chars.hasRemaining()) {
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
        }
        int count = Math.min(length, chars.remaining());
        chars.get(target, offset, count);
        return count;
    }

    private void decodeMore() throws IOException {
        chars.clear();
        String malformed = null;
        while (chars.position() == 0 && failure == null && !decoderFlushed) {
            CoderResult result = decoder.decode(bytes, chars, inputEnded);
            if (result.isError()) {
                malformed = describeMalformed(result.length());
                break;
            }
            if (result.isUnderflow()) {
                if (inputEnded) {
                    decoder.flush(chars);
                    decoderFlushed = true;
                } else {
                    readMoreBytes();
                }
            }
        }
        chars.flip();
        if (!firstCharsSeen && chars.hasRemaining()) {
            firstCharsSeen = true;
            if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
                chars.get();
            }
        }
        follow(chars);
        if (malformed != null) {
            // Thrown once the characters before it have been handed out: their rows are still read.
            failure = new LedgerTextException(line, "not valid UTF-8 on line " + line + ": " + malformed);
        }
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

    /** Counts line breaks (CR, LF, CRLF, as FastCSV does) and tracks quoting over freshly decoded text. */
    private void follow(CharBuffer text) {
        for (int i = text.position(); i < text.limit(); i++) {
            char c = text.get(i);
            trackQuoting(c);
            if (c == '\r') {
                line++;
                afterCarriageReturn = true;
            } else {
                if (c == '\n' && !afterCarriageReturn) {
                    line++;
                }
                afterCarriageReturn = false;
            }
        }
    }

    private void trackQuoting(char c) {
        boolean endsField = c == ',' || c == '\r' || c == '\n';
        switch (quoting) {
            case FIELD_START -> {
                if (c == '"') {
                    quoting = Quoting.QUOTED;
                    quoteOpenedOn = line;
                } else if (!endsField) {
                    quoting = Quoting.UNQUOTED;
                }
            }
            case UNQUOTED -> {
                if (endsField) {
                    quoting = Quoting.FIELD_START;
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    quoting = Quoting.QUOTE_IN_QUOTED;
                }
            }
            case QUOTE_IN_QUOTED -> {
                // A doubled quote is an escaped one; anything else after a closing quote FastCSV reports itself.
                if (c == '"') {
                    quoting = Quoting.QUOTED;
                } else {
                    quoting = endsField ? Quoting.FIELD_START : Quoting.UNQUOTED;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
