package dev.pcorders.application.shared.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How a recorded sync run ended: its snapshot's counts when it succeeded, an error summary when not. */
public record SyncRunOutcome(Instant finishedAt, Optional<SnapshotSummary> snapshot, Optional<String> errorSummary) {

    public SyncRunOutcome {
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(errorSummary, "errorSummary");
        if (snapshot.isPresent() == errorSummary.isPresent()) {
            throw new IllegalArgumentException("a run either stored a snapshot or failed with an error, not both or neither");
        }
    }

    public static SyncRunOutcome succeeded(Instant finishedAt, SnapshotSummary snapshot) {
        return new SyncRunOutcome(finishedAt, Optional.of(snapshot), Optional.empty());
    }

    public static SyncRunOutcome failed(Instant finishedAt, String errorSummary) {
        return new SyncRunOutcome(finishedAt, Optional.empty(), Optional.of(errorSummary));
    }

    public boolean succeeded() {
        return snapshot.isPresent();
    }
}
