package dev.pcorders.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * Files and folders removed when the JVM shuts down, which it also does on Ctrl-C (SIGINT) and SIGTERM, where no
 * {@code finally} block runs: a report's temporary file until it is published or deleted, and the folder of Apache
 * POI's temporary files (the rows SXSSF streams out of memory). A path leaves the list once it has been dealt with, so
 * a long run does not collect them.
 */
final class TemporaryFiles {

    private static final Set<Path> AT_SHUTDOWN = ConcurrentHashMap.newKeySet();
    private static boolean hooked;
    private static Path poiFolder;

    private TemporaryFiles() {
    }

    /** Deleted at shutdown, a folder with everything in it, unless {@link #forget forgotten} first. */
    static void deleteOnShutdown(Path path) {
        hook();
        AT_SHUTDOWN.add(path);
    }

    /** Dealt with (published, or deleted): no longer deleted at shutdown. */
    static void forget(Path path) {
        AT_SHUTDOWN.remove(path);
    }

    /**
     * Makes Apache POI write its temporary files into a folder of this process's own, removed at shutdown with
     * everything in it: the workbook's {@code dispose()} removes them on any ordinary end, the shutdown on a signal.
     * Once per process; POI's setting is process-wide.
     */
    static synchronized void poiFilesInOwnFolder() throws IOException {
        if (poiFolder == null) {
            poiFolder = Files.createTempDirectory("pc-orders-xlsx-");
            deleteOnShutdown(poiFolder);
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiFolder.toFile()));
        }
    }

    private static synchronized void hook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll, "pc-orders-temporary-files"));
            hooked = true;
        }
    }

    private static void deleteAll() {
        AT_SHUTDOWN.forEach(TemporaryFiles::deleteTree);
    }

    private static void deleteTree(Path path) {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.forEach(TemporaryFiles::deleteTree);
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException stays) {
            // The JVM is ending: nothing to report to, and the rest are still worth deleting.
        }
    }
}
