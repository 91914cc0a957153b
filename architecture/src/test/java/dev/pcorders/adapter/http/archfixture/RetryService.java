package dev.pcorders.adapter.http.archfixture;

/** Violates rule 6b: a service outside a service package that implements no use case. */
public final class RetryService {
}
