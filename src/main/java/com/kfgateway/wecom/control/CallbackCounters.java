package com.kfgateway.wecom.control;

import com.kfgateway.wecom.entity.CallbackCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The callback counts every node has added to {@code callback_counter}, kept across restarts. Native SQL: each node
 * adds its own counts in one statement per kind, so two nodes adding at once never lose each other's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class CallbackCounters {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    /** Adds each count to its row (a kind without one gets its row), keeping the later of the two times. */
    public void add(Collection<CallbackCount> counts) {
        for (CallbackCount count : counts) {
            int updated = count.lastAt() == null
                    ? em.createNativeQuery("UPDATE callback_counter SET total = total + ?2 WHERE kind = ?1")
                            .setParameter(1, count.kind()).setParameter(2, count.total()).executeUpdate()
                    : em.createNativeQuery("UPDATE callback_counter SET total = total + ?2, last_at = CASE WHEN"
                            + " last_at IS NULL OR last_at < ?3 THEN ?3 ELSE last_at END WHERE kind = ?1")
                            .setParameter(1, count.kind()).setParameter(2, count.total())
                            .setParameter(3, Timestamp.from(count.lastAt())).executeUpdate();
            if (updated == 0 && count.lastAt() == null) {
                em.createNativeQuery("INSERT INTO callback_counter (kind, total) VALUES (?1, ?2)")
                        .setParameter(1, count.kind()).setParameter(2, count.total()).executeUpdate();
            } else if (updated == 0) {
                em.createNativeQuery("INSERT INTO callback_counter (kind, total, last_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, count.kind()).setParameter(2, count.total())
                        .setParameter(3, Timestamp.from(count.lastAt())).executeUpdate();
            }
        }
    }

    /** Every kind's stored count, by kind. */
    public Map<String, CallbackCount> totals() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT kind, total, last_at FROM callback_counter")
                .getResultList();
        Map<String, CallbackCount> totals = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String kind = (String) row[0];
            totals.put(kind, new CallbackCount(kind, ((Number) row[1]).longValue(), instant(row[2])));
        }
        return totals;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof java.time.LocalDateTime local ? Timestamp.valueOf(local).toInstant() : null;
    }
}
