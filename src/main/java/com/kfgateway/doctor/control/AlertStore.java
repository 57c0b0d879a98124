package com.kfgateway.doctor.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The checks staff were told are red ({@code doctor_alert}). Native SQL, so that the row count says who won: of two
 * nodes opening or closing the same alert at once, one changes the row and tells staff, the other changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class AlertStore {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    public Set<String> told() {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT check_id FROM doctor_alert").getResultList();
        return Set.copyOf(ids);
    }

    /** True when this call opened the alert (this node tells staff); false when it was open already. */
    public boolean open(String checkId, Instant since) {
        return em.createNativeQuery("INSERT INTO doctor_alert (check_id, red_since) SELECT ?1, ?2 WHERE NOT EXISTS"
                + " (SELECT 1 FROM doctor_alert WHERE check_id = ?1)").setParameter(1, checkId)
                .setParameter(2, Timestamp.from(since)).executeUpdate() == 1;
    }

    /** True when this call closed the alert (this node tells staff it recovered). */
    public boolean close(String checkId) {
        return em.createNativeQuery("DELETE FROM doctor_alert WHERE check_id = ?1").setParameter(1, checkId)
                .executeUpdate() == 1;
    }
}
