package dev.pcorders.cli;

/** The exit codes scripts rely on; documented in the README's CLI reference. */
final class ExitCodes {

    static final int OK = 0;
    /** {@code reconcile} ran and found discrepancies. */
    static final int DISCREPANCIES = 1;
    /** A bad flag, a bad GUID, an unreadable ledger, missing credentials. */
    static final int USAGE = 2;
    /** Partner Center failed for at least one customer; the others were stored. */
    static final int PARTNER_CENTER = 3;
    /** The local cache could not be read or written. */
    static final int STORAGE = 4;
    /** A failure pc-orders has no better answer for: a bug to report (sysexits' EX_SOFTWARE). */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
