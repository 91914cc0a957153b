package dev.pcorders.benchmarks.archfixture;

/** Violates rule 10b: the benchmarks may time wire records, but not use the rest of an adapter's implementation. */
public final class BenchmarkReachingIntoAnAdapter {
    public dev.pcorders.adapter.http.order.ArchfixturePublicOrderHelper helper;
}
