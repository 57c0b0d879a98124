package com.kfgateway.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The statements on {@code cluster_lease}, each its own short transaction: conditional inserts, updates and deletes
 * whose row counts say who holds what. Native SQL rather than an entity: nothing is read into memory, and every
 * statement must decide in the database, in one step, or two nodes could both think they won.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LeaseRows {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    /** Takes a lease nobody holds. Two nodes racing here: one inserts, the other fails on the primary key. */
    public boolean insertFree(String name, String holder, Instant expiresAt) {
        return em.createNativeQuery("INSERT INTO cluster_lease (name, holder, expires_at, wanted) SELECT ?1, ?2, ?3,"
                + " FALSE WHERE NOT EXISTS (SELECT 1 FROM cluster_lease WHERE name = ?1)").setParameter(1, name)
                .setParameter(2, holder).setParameter(3, Timestamp.from(expiresAt)).executeUpdate() == 1;
    }

    /** Renews a lease of {@code holder}'s, or takes over one that ran out; the wanted mark goes with it. */
    public boolean takeOver(String name, String holder, Instant now, Instant expiresAt) {
        return em.createNativeQuery("UPDATE cluster_lease SET holder = ?2, expires_at = ?4, wanted = FALSE"
                + " WHERE name = ?1 AND (holder = ?2 OR expires_at < ?3)").setParameter(1, name).setParameter(2, holder)
                .setParameter(3, Timestamp.from(now)).setParameter(4, Timestamp.from(expiresAt)).executeUpdate() == 1;
    }

    /** Renews a lease of {@code holder}'s and keeps its wanted mark; false when it is no longer theirs. */
    public boolean extend(String name, String holder, Instant expiresAt) {
        return em.createNativeQuery("UPDATE cluster_lease SET expires_at = ?3 WHERE name = ?1 AND holder = ?2")
                .setParameter(1, name).setParameter(2, holder).setParameter(3, Timestamp.from(expiresAt))
                .executeUpdate() == 1;
    }

    /**
     * Tells the live holder that the work is wanted again, with a note when given (the newest replaces an older
     * one); false when no other node holds it.
     */
    public boolean markWanted(String name, String notHolder, Instant now, String note) {
        return em.createNativeQuery("UPDATE cluster_lease SET wanted = TRUE, note = COALESCE(?4, note) WHERE name = ?1"
                + " AND holder <> ?2 AND expires_at >= ?3").setParameter(1, name).setParameter(2, notHolder)
                .setParameter(3, Timestamp.from(now)).setParameter(4, note).executeUpdate() == 1;
    }

    /** Lets go of a lease nobody asked for meanwhile; false when it was wanted (or is not {@code holder}'s). */
    public boolean deleteUnwanted(String name, String holder) {
        return em.createNativeQuery("DELETE FROM cluster_lease WHERE name = ?1 AND holder = ?2 AND wanted = FALSE")
                .setParameter(1, name).setParameter(2, holder).executeUpdate() == 1;
    }

    /**
     * Lets go of a lease of {@code holder}'s whatever its mark; what it was wanted for, or null when it was not
     * {@code holder}'s any more. The row is locked first, so no mark can come between the read and the delete.
     */
    public Leases.Released deleteWanted(String name, String holder) {
        List<?> notes = em.createNativeQuery("SELECT note FROM cluster_lease WHERE name = ?1 AND holder = ?2"
                + " FOR UPDATE").setParameter(1, name).setParameter(2, holder).getResultList();
        if (notes.isEmpty()) {
            return null;
        }
        em.createNativeQuery("DELETE FROM cluster_lease WHERE name = ?1 AND holder = ?2").setParameter(1, name)
                .setParameter(2, holder).executeUpdate();
        return new Leases.Released(true, (String) notes.get(0));
    }
}
