package dev.pcorders.application.shared.sync;

import dev.pcorders.domain.shared.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The pages of one scope with the first ones already read: up to a budget of items is fetched before the cache's
 * write transaction begins, the rest (if any) while it runs. A failure while staging propagates from {@link #stage}.
 */
final class StagedPages<T> implements Iterator<Page<T>> {

    private final List<Page<T>> staged;
    private final Iterator<Page<T>> rest;
    private int next;

    private StagedPages(List<Page<T>> staged, Iterator<Page<T>> rest) {
        this.staged = staged;
        this.rest = rest;
    }

    /** Reads pages of {@code pages} until at least {@code budget} items are held or none are left. */
    static <T> StagedPages<T> stage(Iterator<Page<T>> pages, int budget) {
        List<Page<T>> staged = new ArrayList<>();
        long items = 0;
        while (items < budget && pages.hasNext()) {
            Page<T> page = pages.next();
            staged.add(page);
            items += page.items().size();
        }
        return new StagedPages<>(staged, pages);
    }

    @Override
    public boolean hasNext() {
        return next < staged.size() || rest.hasNext();
    }

    @Override
    public Page<T> next() {
        if (next < staged.size()) {
            Page<T> page = staged.get(next);
            // Let the page go once handed on: the store holds what it needs of it.
            staged.set(next++, null);
            return page;
        }
        if (!rest.hasNext()) {
            throw new NoSuchElementException();
        }
        return rest.next();
    }
}
