package dev.pcorders.adapter.http.partnercenter;

import dev.pcorders.domain.shared.Link;
import java.util.Optional;

/**
 * One response's collection, read in parts while its body arrives: a page of any size comes out as parts
 * of a bounded number of items, so neither the body nor its items are ever held whole. A part the reader
 * has handed out is final: a malformed item further on fails the reader, never changes that part.
 */
public interface PageReader<T> extends AutoCloseable {

    /**
     * The next part, read from the body as far as needed; call only while not {@link #complete()}. The first
     * part is always there (an empty collection is one empty part), and a body of few items is one part.
     */
    T nextPart();

    /** Whether the body has been read to the end of the document, so that {@link #next()} is known. */
    boolean complete();

    /** The collection's {@code links.next}, which may stand before or after its items; known once complete. */
    Optional<Link> next();

    /** Releases the body, read or not. */
    @Override
    void close();
}
