package dev.pcorders.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report to a file all or nothing: into a temporary file in the target's own folder (so the final rename
 * stays on one file system and can be atomic), renamed over the target only once the report is whole. A report that
 * fails part-way, a cache read cut short included, leaves no file behind, and an existing file is replaced only when
 * asked to ({@code --force}): a report someone already looked at is not lost to a mistyped command. A run ended by
 * Ctrl-C or SIGTERM leaves no temporary file either ({@link TemporaryFiles}), and the report is on disk (fsync) before
 * it takes the target's name.
 */
final class ReportFile {

    /** Prints the report to the writer it is given; may fail part-way, which must leave nothing behind. */
    @FunctionalInterface
    interface TextBody {
        int print(PrintWriter out) throws IOException;
    }

    /** As {@link TextBody}, for formats that are bytes rather than text (xlsx). */
    @FunctionalInterface
    interface ByteBody {
        int write(OutputStream out) throws IOException;
    }

    private ReportFile() {
    }

    /**
     * Exit 2 for a file that exists (unless {@code force}), a folder, or a file in a folder that does not exist: checked
     * before any work, so a refused report costs nothing and touches nothing.
     */
    static void refuseToOverwrite(Path target, boolean force) {
        if (!force && Files.exists(target)) {
            throw alreadyExists(target);
        }
        if (Files.isDirectory(target)) {
            throw new UsageException("--output " + target + " is a folder; name a file");
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UsageException("--output " + target + ": folder " + folder + " does not exist");
        }
    }

    private static UsageException alreadyExists(Path target) {
        return new UsageException("--output " + target + " already exists; pass --force to replace it, or name another file");
    }

    static int text(Path target, boolean force, TextBody body) throws IOException {
        return bytes(target, force, stream -> {
            PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
            int exitCode = body.print(out);
            out.flush();
            // PrintWriter keeps its failures to itself: without this, a full disk would be renamed into place as a report.
            if (out.checkError()) {
                throw new IOException("could not write " + target + " (disk full or file system error)");
            }
            return exitCode;
        });
    }

    static int bytes(Path target, boolean force, ByteBody body) throws IOException {
        refuseToOverwrite(target, force);
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        // A dot name, so a listing of the folder or a glob such as *.html does not pick up a report being written. Not
        // Files.createTempFile: its file is readable by its owner alone, and the report is for sharing, so it gets the
        // permissions any new file gets here (the umask's). CREATE_NEW: never another's file, nor a link's target.
        Path temporary = folder.resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        // Registered before it exists: Ctrl-C or a SIGTERM runs the shutdown hooks, never this method's cleanup.
        TemporaryFiles.deleteOnShutdown(temporary);
        FileChannel channel;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException notCreated) {
            TemporaryFiles.forget(temporary);
            throw notCreated;
        }
        try {
            int exitCode;
            try (channel; OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                exitCode = body.write(out);
                out.flush();
                // On disk before it takes the target's name: after a power loss the target is the old file or the whole
                // report, never a renamed but empty one.
                channel.force(true);
            }
            publish(temporary, absolute, target, force);
            if (Files.notExists(temporary, LinkOption.NOFOLLOW_LINKS)) {
                TemporaryFiles.forget(temporary);
            }
            return exitCode;
        } catch (Throwable failure) {
            deleteAfter(failure, temporary);
            throw failure;
        }
    }

    /**
     * Puts the whole report in place. With {@code force}, an atomic rename over whatever is there. Without, a hard link
     * made under the target's name, which the file system makes only if no file has that name, in the same step as it
     * checks: a file another process created while the report was being written (or a link, even one to nowhere) is
     * never replaced, and the report is refused as if it had been there from the start. The temporary name is then
     * removed; the report is whole under its own.
     */
    private static void publish(Path temporary, Path absolute, Path target, boolean force) throws IOException {
        if (!force) {
            try {
                Files.createLink(absolute, temporary);
            } catch (FileAlreadyExistsException taken) {
                throw alreadyExists(target);
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                // A file system without hard links (FAT, some network shares): checked again and renamed, which leaves
                // a moment between the two in which a file created by another process would be replaced.
                refuseToOverwrite(target, false);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException stays) {
                // The report is whole under its name; the other one goes at shutdown, where it stays registered.
            }
            return;
        }
        refuseToOverwrite(target, true);
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes the temporary file of a failed report; failing to, it keeps the report's failure, the cleanup's beside it. */
    static void deleteAfter(Throwable failure, Path temporary) {
        try {
            Files.deleteIfExists(temporary);
            TemporaryFiles.forget(temporary);
        } catch (IOException | RuntimeException cleanup) {
            // Still registered: tried again at shutdown.
            failure.addSuppressed(cleanup);
        }
    }
}
