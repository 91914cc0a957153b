package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All or nothing: a report that fails part-way leaves neither a half-written file nor its temporary file. */
class ReportFileTest {

    @TempDir
    Path folder;

    @Test
    void aReportFailingPartWayLeavesNoFile() throws IOException {
        Path target = folder.resolve("report.csv");
        String[] seenWhileWriting = new String[1];

        assertThatThrownBy(() -> ReportFile.text(target, false, out -> {
            out.println("a,b");
            out.println("1,2");
            out.flush();
            try (Stream<Path> files = Files.list(folder)) {
                seenWhileWriting[0] = files.map(file -> file.getFileName().toString()).toList().toString();
            }
            throw new UncheckedIOException(new IOException("the cache read failed after two rows"));
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("after two rows");

        // While it was written, the report was a hidden temporary file beside the target, never the target itself.
        assertThat(seenWhileWriting[0]).startsWith("[.report.csv.").endsWith(".tmp]");
        assertThat(target).doesNotExist();
        assertThat(filesIn(folder)).isZero();
    }

    @Test
    void aForcedReportFailingPartWayLeavesTheOldFileWhole() throws IOException {
        Path target = folder.resolve("report.csv");
        Files.writeString(target, "yesterday\n");

        assertThatThrownBy(() -> ReportFile.text(target, true, out -> {
            out.println("half");
            throw new IllegalStateException("interrupted");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readString(target)).isEqualTo("yesterday\n");
        assertThat(filesIn(folder)).isEqualTo(1);
    }

    @Test
    void aWholeReportReplacesTheTargetInOneStepAndKeepsTheExitCode() throws IOException {
        Path target = folder.resolve("report.csv");
        Files.writeString(target, "yesterday\n");

        int exitCode = ReportFile.text(target, true, out -> {
            out.print("today\n");
            return ExitCodes.DISCREPANCIES;
        });

        assertThat(exitCode).isEqualTo(ExitCodes.DISCREPANCIES);
        assertThat(Files.readString(target)).isEqualTo("today\n");
        assertThat(filesIn(folder)).isEqualTo(1);
    }

    @Test
    void theReportGetsThePermissionsOfAnyNewFileNotOnlyItsOwners() throws IOException {
        Path target = folder.resolve("report.html");
        Path plain = Files.createFile(folder.resolve("plain.txt"));

        ReportFile.text(target, false, out -> {
            out.println("<!DOCTYPE html>");
            return ExitCodes.OK;
        });

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void anExistingFileIsRefusedBeforeTheReportRuns() throws IOException {
        Path target = folder.resolve("report.csv");
        Files.writeString(target, "yesterday\n");
        boolean[] ran = {false};

        assertThatThrownBy(() -> ReportFile.text(target, false, out -> {
            ran[0] = true;
            return ExitCodes.OK;
        })).isInstanceOf(UsageException.class).hasMessageContaining("already exists").hasMessageContaining("--force");

        assertThat(ran[0]).isFalse();
        assertThat(Files.readString(target)).isEqualTo("yesterday\n");
    }

    @Test
    void aFileCreatedWhileTheReportWasWrittenIsNotReplaced() throws IOException {
        Path target = folder.resolve("report.csv");

        assertThatThrownBy(() -> ReportFile.text(target, false, out -> {
            out.println("ours");
            Files.writeString(target, "someone else's\n");
            return ExitCodes.OK;
        })).isInstanceOf(UsageException.class);

        assertThat(Files.readString(target)).isEqualTo("someone else's\n");
        assertThat(filesIn(folder)).isEqualTo(1);
    }

    @Test
    void aTemporaryFileThatCannotBeDeletedLeavesTheReportsOwnFailureWithTheCleanupsBesideIt() throws IOException {
        Path target = folder.resolve("report.csv");

        assertThatThrownBy(() -> ReportFile.text(target, false, out -> {
            // The temporary file becomes something deleteIfExists refuses (a folder with a file in it), as on a file
            // system that refuses the delete.
            Path temporary;
            try (Stream<Path> files = Files.list(folder)) {
                temporary = files.filter(file -> file.getFileName().toString().endsWith(".tmp")).findFirst().orElseThrow();
            }
            Files.delete(temporary);
            Files.createDirectories(temporary.resolve("inside"));
            throw new IllegalStateException("the cache read failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the cache read failed")
                .satisfies(failure -> assertThat(failure.getSuppressed()).singleElement()
                        .isInstanceOf(java.nio.file.DirectoryNotEmptyException.class));

        assertThat(target).doesNotExist();
    }

    @Test
    void aLinkCreatedWhileTheReportWasWrittenIsNotReplacedEvenOneToNowhere() throws IOException {
        Path target = folder.resolve("report.csv");
        Path nowhere = folder.resolve("no-such-file");

        // Files.exists follows the link and says no: only publishing by a hard link, which fails on any name taken,
        // leaves it alone.
        assertThatThrownBy(() -> ReportFile.text(target, false, out -> {
            out.println("ours");
            Files.createSymbolicLink(target, nowhere);
            return ExitCodes.OK;
        })).isInstanceOf(UsageException.class).hasMessageContaining("already exists").hasMessageContaining("--force");

        assertThat(Files.isSymbolicLink(target)).isTrue();
        assertThat(Files.readSymbolicLink(target)).isEqualTo(nowhere);
        assertThat(filesIn(folder)).as("the link alone, no temporary file").isEqualTo(1);
    }

    @Test
    void aPublishedReportHasOneNameAndTheTemporaryOneIsGone() throws IOException {
        Path target = folder.resolve("report.csv");

        ReportFile.text(target, false, out -> {
            out.print("today\n");
            return ExitCodes.OK;
        });

        assertThat(Files.readString(target)).isEqualTo("today\n");
        assertThat(Files.getAttribute(target, "unix:nlink")).isEqualTo(1);
        assertThat(filesIn(folder)).isEqualTo(1);
    }

    private static long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
