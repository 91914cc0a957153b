package dev.pcorders.domain.shared;

/** Identifies one recorded sync run of one scope in the local cache. */
public record SyncRunId(long value) {

    public SyncRunId {
        if (value <= 0) {
            throw new IllegalArgumentException("sync run ids are positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
