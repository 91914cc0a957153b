package dev.pcorders.domain.archfixture.cyclea;

/** Violates rule 8 together with {@code cycleb.Right}. */
public final class Left {
    public dev.pcorders.domain.archfixture.cycleb.Right right;
}
