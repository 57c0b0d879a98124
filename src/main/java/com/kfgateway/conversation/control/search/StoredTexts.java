package com.kfgateway.conversation.control.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Reads message rows (and nicknames) for the index, a batch per short read-only transaction of its own: never the
 * transaction that stored them, so indexing can neither slow down nor roll back the sync.
 */
@ApplicationScoped
public class StoredTexts {

    private static final String COLUMNS = "select m.id, m.conversationId, m.text, m.storedAt from Message m ";

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    /** Rows in (stored_at, id) order after the given position; the plain bound lets the V11 index start there. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<StoredText> after(Instant storedAt, long id, int max) {
        return rows(em.createQuery(COLUMNS + "where m.storedAt >= :at and (m.storedAt > :at or m.id > :id) "
                + "order by m.storedAt, m.id", Object[].class).setParameter("at", storedAt).setParameter("id", id)
                .setMaxResults(max).getResultList());
    }

    /** Rows with an id above the given one, in id order: the cheap look for what arrived since the last pass. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<StoredText> above(long id, int max) {
        return rows(em.createQuery(COLUMNS + "where m.id > :id order by m.id", Object[].class).setParameter("id", id)
                .setMaxResults(max).getResultList());
    }

    /**
     * Nicknames fetched after the given position, in (nickname_fetched_at, id) order, as rows of the conversation
     * itself (its id as the row id): a nickname changes only when it is fetched.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<StoredText> nicknamesAfter(Instant fetchedAt, long id, int max) {
        return rows(em.createQuery("select c.id, c.id, c.nickname, c.nicknameFetchedAt from Conversation c where "
                + "c.nicknameFetchedAt >= :at and (c.nicknameFetchedAt > :at or c.id > :id) "
                + "order by c.nicknameFetchedAt, c.id", Object[].class).setParameter("at", fetchedAt)
                .setParameter("id", id).setMaxResults(max).getResultList());
    }

    /** The msgid of the message with that id, or null: tells whether an index was built from this database. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String msgidOf(long id) {
        List<String> found = em.createQuery("select m.msgid from Message m where m.id = :id", String.class)
                .setParameter("id", id).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<StoredText> rows(List<Object[]> columns) {
        return columns.stream().map(c -> new StoredText((Long) c[0], (Long) c[1], (String) c[2], (Instant) c[3]))
                .toList();
    }
}
