package com.kfgateway.admin.control;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.QuarantinedItem;
import com.kfgateway.conversation.boundary.TextSearch;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the inbox a page at a time. A search asks the text index which conversations said it or are called so, adds
 * the one whose user id it is, and pages those; only while the index cannot answer are the tables searched.
 */
@Stateless
public class ConversationSearch {

    /** Up to this many matching conversations go into the query as ids; more are tested row by row (walk). */
    static final int ID_LIST_LIMIT = 500;
    private static final int LONGEST_STRETCH = 4_000;

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    TextSearch texts;

    public Page<Conversation> page(ConversationFilter filter) {
        List<Conversation> rows = new ArrayList<>(rows(filter));
        boolean more = rows.size() > filter.pageSize();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (filter.backwards()) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new Page<>(rows, null, null);
        }
        boolean hasNext = filter.backwards() || more;
        boolean hasPrevious = filter.backwards() ? more : filter.cursor() != null;
        return new Page<>(rows, hasPrevious ? cursorOf(rows.get(0)) : null,
                hasNext ? cursorOf(rows.get(rows.size() - 1)) : null);
    }

    private List<Conversation> rows(ConversationFilter filter) {
        Optional<Set<Long>> indexed = filter.search() == null ? Optional.empty()
                : texts.conversationsMatching(filter.search());
        if (indexed.isEmpty()) {
            return fetch(ConversationQuery.of(filter), filter.pageSize() + 1);
        }
        Set<Long> matches = new HashSet<>(indexed.get());
        matches.addAll(em.createQuery("select c.id from Conversation c where c.externalUserid = :exact", Long.class)
                .setParameter("exact", filter.search()).getResultList());
        if (matches.isEmpty()) {
            return List.of();
        }
        if (matches.size() <= ID_LIST_LIMIT) {
            return fetch(ConversationQuery.of(filter, matches), filter.pageSize() + 1);
        }
        return walk(filter, matches);
    }

    /**
     * A search that matches many conversations: walks the filtered inbox in its order, a growing stretch at a time,
     * and keeps the matching rows until a page and one more are found. With that many matches a page is near.
     */
    private List<Conversation> walk(ConversationFilter filter, Set<Long> matches) {
        List<Conversation> kept = new ArrayList<>();
        KeysetCursor position = filter.cursor();
        for (int stretch = 4 * (filter.pageSize() + 1);; stretch = Math.min(LONGEST_STRETCH, 4 * stretch)) {
            List<Conversation> rows = fetch(ConversationQuery.of(filter.withoutSearchFrom(position)), stretch);
            for (Conversation row : rows) {
                if (matches.contains(row.getId())) {
                    kept.add(row);
                    if (kept.size() > filter.pageSize()) {
                        return kept;
                    }
                }
            }
            if (rows.size() < stretch) {
                return kept;
            }
            Conversation last = rows.get(rows.size() - 1);
            position = new KeysetCursor(last.getLastMessageAt(), last.getId());
        }
    }

    private List<Conversation> fetch(JpqlQuery query, int max) {
        TypedQuery<Conversation> typed = em.createQuery(query.jpql(), Conversation.class);
        query.parameters().forEach(typed::setParameter);
        return typed.setMaxResults(max).getResultList();
    }

    /** Sync items the pipeline set aside because they could not be stored, newest first. */
    public List<QuarantinedItem> setAside(int max) {
        return em.createNamedQuery(QuarantinedItem.LATEST, QuarantinedItem.class).setMaxResults(max).getResultList();
    }

    public Conversation find(long id) {
        return em.find(Conversation.class, id);
    }

    /** The KF accounts that have conversations, for the filter's drop-down. */
    public List<String> accounts() {
        return em.createQuery("select distinct c.openKfid from Conversation c order by c.openKfid", String.class)
                .setMaxResults(200).getResultList();
    }

    static String cursorOf(Conversation c) {
        return new KeysetCursor(c.getLastMessageAt(), c.getId()).encode();
    }
}
