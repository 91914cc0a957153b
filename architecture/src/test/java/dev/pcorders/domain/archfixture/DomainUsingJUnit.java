package dev.pcorders.domain.archfixture;

/** Violates rule 2: a dependency outside java.. and the domain. */
public final class DomainUsingJUnit {
    public void check() {
        org.junit.jupiter.api.Assertions.assertTrue(true);
    }
}
