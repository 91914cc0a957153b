package dev.pcorders.cli;

/** Input the command cannot work with (exit code 2); its message is printed as is, so it must say what to do. */
final class UsageException extends IllegalArgumentException {

    UsageException(String message) {
        super(message);
    }
}
