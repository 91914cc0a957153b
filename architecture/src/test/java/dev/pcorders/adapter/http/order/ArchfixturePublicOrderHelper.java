package dev.pcorders.adapter.http.order;

/** Violates rule 10c: a public class inside a resource's adapter package that is none of its entry points. */
public final class ArchfixturePublicOrderHelper {
}
