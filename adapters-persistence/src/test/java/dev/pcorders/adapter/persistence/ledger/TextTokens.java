package dev.pcorders.adapter.persistence.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generated text made of the characters that matter to a CSV reader, whole code points only. */
final class TextTokens {

    private TextTokens() {
    }

    static Arbitrary<String> text(int maxTokens) {
        return Arbitraries.of("a", "Z", "0", "-", ",", "\"", "\r", "\n", "\r\n", " ", "\t", "ü", "€", "\uD83D\uDE00", "\uFEFF")
                .list().ofMaxSize(maxTokens)
                .map(tokens -> String.join("", tokens));
    }

    /** Line breaks as FastCSV counts them: CR, LF, and CRLF as one. */
    static long lineBreaks(String text) {
        long breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r'))) {
                breaks++;
            }
        }
        return breaks;
    }

    /** The text as the ledger reader hands it out: every CR not followed by LF becomes CRLF. */
    static String withCrlf(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
