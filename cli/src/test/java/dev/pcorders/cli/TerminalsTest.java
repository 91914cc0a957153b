package dev.pcorders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalsTest {

    @TempDir
    Path folder;

    @Test
    void aDescriptorOpenOnAPseudoTerminalOrTtyIsATerminalAndOneOnAFileOrPipeIsNot() throws IOException {
        assertThat(Terminals.isATerminal(Files.createSymbolicLink(folder.resolve("pts"), Path.of("/dev/pts/3")))).isTrue();
        assertThat(Terminals.isATerminal(Files.createSymbolicLink(folder.resolve("tty"), Path.of("/dev/tty1")))).isTrue();
        assertThat(Terminals.isATerminal(Files.createSymbolicLink(folder.resolve("file"), folder.resolve("err.txt")))).isFalse();
        assertThat(Terminals.isATerminal(Files.createSymbolicLink(folder.resolve("pipe"), Path.of("pipe:[123456]")))).isFalse();
    }

    @Test
    void underTheTestRunnerStderrIsNotATerminal() {
        // Surefire's forked JVM writes stderr to a pipe: no progress bar may appear in captured output.
        assertThat(Terminals.stderrIsATerminal()).isFalse();
    }
}
