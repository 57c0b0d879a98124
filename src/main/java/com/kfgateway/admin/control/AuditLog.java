package com.kfgateway.admin.control;

import com.kfgateway.admin.entity.AuditEntry;
import com.kfgateway.admin.entity.AuditEntry.Action;
import com.kfgateway.admin.entity.AuditEntry.Outcome;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Writes one row per staff action. Its own transaction, so a refused or failed action is still on record and an
 * audit row never rolls back with the action it describes.
 */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String username, Action action, String targetType, Object targetId, boolean accepted,
            String detail) {
        em.persist(new AuditEntry(Instant.now(), username == null ? "?" : username, action, targetType,
                targetId == null ? null : String.valueOf(targetId), accepted ? Outcome.ACCEPTED : Outcome.REFUSED,
                detail));
    }

    public List<AuditEntry> ofTarget(String targetType, Object targetId, int max) {
        return em.createNamedQuery(AuditEntry.OF_TARGET, AuditEntry.class).setParameter("targetType", targetType)
                .setParameter("targetId", String.valueOf(targetId)).setMaxResults(max).getResultList();
    }

    public List<AuditEntry> latest(int max) {
        return em.createNamedQuery(AuditEntry.LATEST, AuditEntry.class).setMaxResults(max).getResultList();
    }
}
