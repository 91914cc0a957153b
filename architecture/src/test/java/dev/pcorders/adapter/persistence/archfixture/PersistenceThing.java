package dev.pcorders.adapter.persistence.archfixture;

/** The target of an illegal adapter-to-adapter dependency. */
public final class PersistenceThing {
}
