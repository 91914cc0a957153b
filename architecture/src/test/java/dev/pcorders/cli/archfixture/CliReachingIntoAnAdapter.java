package dev.pcorders.cli.archfixture;

/** Violates rule 10b: code outside an adapter using a class the adapter does not offer as an entry point. */
public final class CliReachingIntoAnAdapter {
    public dev.pcorders.adapter.http.order.ArchfixturePublicOrderHelper helper;
}
