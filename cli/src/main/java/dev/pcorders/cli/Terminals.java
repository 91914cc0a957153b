package dev.pcorders.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether progress, which goes to stderr, would reach a person rather than a file or a pipe. */
final class Terminals {

    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminals() {
    }

    static boolean stderrIsATerminal() {
        return isATerminal(STDERR_LINK);
    }

    /**
     * Where Linux shows what a descriptor is open on, a terminal is a /dev/pts or /dev/tty device. Elsewhere Java 17
     * can only say whether stdin and stdout are a terminal ({@code System.console()}), which stands in for stderr.
     */
    static boolean isATerminal(Path descriptorLink) {
        if (!Files.isSymbolicLink(descriptorLink)) {
            return System.console() != null;
        }
        try {
            String target = Files.readSymbolicLink(descriptorLink).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException unreadable) {
            return false;
        }
    }
}
