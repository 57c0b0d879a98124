package com.kfgateway.conversation.control.sync;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.SyncCursor;
import com.kfgateway.wecom.entity.InboundItem;
import com.kfgateway.wecom.entity.SyncPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stores one kf/sync_msg page exactly once: every new item keyed by msgid (items already stored are skipped; the
 * unique constraint is the backstop) and the cursor advanced, in ONE transaction. If another pull advanced the
 * cursor meanwhile, nothing is stored (optimistic @Version on the cursor) and the caller re-reads it.
 */
@ApplicationScoped
public class PageStore {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    ItemEffects effects;

    /** The stored cursor for the scope, null when we never pulled it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String cursorOf(String scope) {
        SyncCursor cursor = em.find(SyncCursor.class, scope);
        return cursor == null ? null : cursor.getNextCursor();
    }

    /** Thrown when the cursor moved since it was read: the page is stale, the transaction rolls back. */
    public static final class CursorMoved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CursorMoved(String scope) {
            super("the sync cursor of " + scope + " moved during the pull", null, false, false);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Ingested store(String scope, String cursorRead, SyncPage page, Instant now) {
        SyncCursor cursor = em.find(SyncCursor.class, scope);
        if (cursor == null) {
            cursor = new SyncCursor(scope);
            em.persist(cursor);
        }
        if (!Objects.equals(cursor.getNextCursor(), cursorRead)) {
            throw new CursorMoved(scope);
        }
        List<InboundItem> items = page.items();
        Set<String> known = known(items);
        Map<String, Conversation> conversations = new HashMap<>();
        Ingested out = new Ingested();
        for (InboundItem item : items) {
            if (!known.add(item.msgid())) {
                out.duplicates++;
                continue;
            }
            Conversation conversation = item.hasCustomer() ? conversation(item, conversations, now) : null;
            Message message = new Message(item.msgid(), conversation == null ? null : conversation.getId(),
                    item.openKfid(), Message.Direction.IN, sender(item), item.origin(), item.msgtype(),
                    item.rawJson(), item.sentAt(), now, Message.Handling.NONE);
            message.setText(item.text());
            message.setMediaId(item.mediaId());
            message.setEventType(item.eventType());
            message.setServicerUserid(item.servicerUserid() != null ? item.servicerUserid()
                    : item.isEvent() ? item.event().servicerUserid() : null);
            em.persist(message);
            if (conversation != null) {
                conversation.messageStored(item.sentAt(), item.text(), item.fromCustomer());
            }
            effects.apply(item, message, conversation, out, now);
            out.stored++;
        }
        cursor.advance(page.nextCursor(), now);
        return out;
    }

    /** Who spoke, in the conversation's words: events and anything unexpected are the system's. */
    static Message.Sender sender(InboundItem item) {
        if (item.fromCustomer()) {
            return Message.Sender.CUSTOMER;
        }
        return item.fromServicer() ? Message.Sender.STAFF_CLIENT : Message.Sender.SYSTEM;
    }

    private Set<String> known(List<InboundItem> items) {
        Set<String> known = new HashSet<>();
        List<String> msgids = items.stream().map(InboundItem::msgid).distinct().toList();
        for (int from = 0; from < msgids.size(); from += 500) {
            known.addAll(em.createNamedQuery(Message.KNOWN_MSGIDS, String.class)
                    .setParameter("msgids", msgids.subList(from, Math.min(msgids.size(), from + 500)))
                    .getResultList());
        }
        return known;
    }

    private Conversation conversation(InboundItem item, Map<String, Conversation> cache, Instant now) {
        return cache.computeIfAbsent(item.openKfid() + "\n" + item.externalUserid(), key -> {
            List<Conversation> found = em.createNamedQuery(Conversation.BY_CUSTOMER, Conversation.class)
                    .setParameter("openKfid", item.openKfid()).setParameter("externalUserid", item.externalUserid())
                    .getResultList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Conversation created = new Conversation(item.openKfid(), item.externalUserid(), item.sentAt());
            em.persist(created);
            return created;
        });
    }
}
