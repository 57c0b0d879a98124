package com.kfgateway.admin.control;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.QuarantinedItem;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the inbox a page at a time. */
@Stateless
public class ConversationSearch {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    public Page<Conversation> page(ConversationFilter filter) {
        JpqlQuery query = ConversationQuery.of(filter);
        TypedQuery<Conversation> typed = em.createQuery(query.jpql(), Conversation.class);
        query.parameters().forEach(typed::setParameter);
        List<Conversation> rows = new ArrayList<>(typed.setMaxResults(filter.pageSize() + 1).getResultList());
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
