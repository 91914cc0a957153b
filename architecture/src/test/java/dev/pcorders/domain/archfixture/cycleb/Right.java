package dev.pcorders.domain.archfixture.cycleb;

/** Violates rule 8 together with {@code cyclea.Left}. */
public final class Right {
    public dev.pcorders.domain.archfixture.cyclea.Left left;
}
