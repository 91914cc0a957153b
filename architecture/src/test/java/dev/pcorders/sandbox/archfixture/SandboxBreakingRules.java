package dev.pcorders.sandbox.archfixture;

/** Violates rule 1: the sandbox reusing the HTTP adapter's classes. */
public final class SandboxBreakingRules {
    public dev.pcorders.adapter.http.archfixture.OrderDto wire;
}
