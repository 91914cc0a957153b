package dev.pcorders.adapter.http.archfixture;

/** Violates rule 6d: a Dto outside a wire package. */
public record OrderDto(String id) {
}
