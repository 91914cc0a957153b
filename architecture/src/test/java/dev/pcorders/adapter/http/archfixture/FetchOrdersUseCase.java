package dev.pcorders.adapter.http.archfixture;

/** Violates rule 6a: a use case outside port.in. */
public interface FetchOrdersUseCase {
}
