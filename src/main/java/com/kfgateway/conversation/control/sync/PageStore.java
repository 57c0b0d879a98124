package com.kfgateway.conversation.control.sync;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.QuarantinedItem;
import com.kfgateway.conversation.entity.SyncCursor;
import com.kfgateway.database.ConflictRetry;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores one kf/sync_msg page exactly once: every new item keyed by msgid (items already stored are skipped; the
 * unique constraint is the backstop) and the cursor advanced, in ONE transaction. If another pull advanced the
 * cursor meanwhile, nothing is stored (optimistic @Version on the cursor) and the caller re-reads it.
 */
@ApplicationScoped
public class PageStore {

    private static final Logger LOG = Logger.getLogger(PageStore.class.getName());

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    ItemEffects effects;

    @Inject
    PageStore self;

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
        SyncCursor cursor = cursor(scope, cursorRead);
        Ingested out = new Ingested();
        storeItems(scope, page.items(), out, now);
        cursor.advance(page.nextCursor(), now);
        return out;
    }

    /**
     * The fallback when a page failed as a whole: each item in a transaction of its own, an item that still fails
     * set aside in {@link QuarantinedItem}, then the cursor advanced. A crash in between replays the page, and what
     * was stored is skipped by its msgid. Not transactional itself.
     */
    public Ingested storeEach(String scope, String cursorRead, SyncPage page, Instant now) {
        Ingested out = new Ingested();
        for (InboundItem item : page.items()) {
            try {
                out.absorb(ConflictRetry.run(() -> self.storeOne(scope, item, now)));
            } catch (RuntimeException e) {
                if (self.stored(ItemFit.msgid(item.msgid()))) {
                    out.duplicates++;
                } else {
                    LOG.log(Level.WARNING, "sync item " + item.msgid() + " of " + scope + " could not be stored; set"
                            + " aside", e);
                    self.quarantine(scope, item, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
                    out.quarantined++;
                }
            }
        }
        self.advance(scope, cursorRead, page.nextCursor(), now);
        return out;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Ingested storeOne(String scope, InboundItem item, Instant now) {
        Ingested out = new Ingested();
        storeItems(scope, List.of(item), out, now);
        return out;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean stored(String msgid) {
        return !em.createNamedQuery(Message.KNOWN_MSGIDS, String.class).setParameter("msgids", List.of(msgid))
                .getResultList().isEmpty()
                || !em.createNamedQuery(QuarantinedItem.BY_MSGID, QuarantinedItem.class).setParameter("msgid", msgid)
                        .getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void quarantine(String scope, InboundItem item, String reason, Instant now) {
        em.persist(new QuarantinedItem(scope, ItemFit.msgid(item.msgid()), item.rawJson(), reason, now));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void advance(String scope, String cursorRead, String nextCursor, Instant now) {
        cursor(scope, cursorRead).advance(nextCursor, now);
    }

    private SyncCursor cursor(String scope, String cursorRead) {
        SyncCursor cursor = em.find(SyncCursor.class, scope);
        if (cursor == null) {
            cursor = new SyncCursor(scope);
            em.persist(cursor);
        }
        if (!Objects.equals(cursor.getNextCursor(), cursorRead)) {
            throw new CursorMoved(scope);
        }
        return cursor;
    }

    private void storeItems(String scope, List<InboundItem> served, Ingested out, Instant now) {
        List<InboundItem> items = served.stream().map(ItemFit::fit).toList();
        Set<String> known = known(items);
        Map<String, Conversation> conversations = existing(items);
        for (InboundItem item : items) {
            if (!known.add(item.msgid())) {
                out.duplicates++;
                continue;
            }
            String unaddressable = ItemFit.unaddressable(item);
            if (unaddressable != null) {
                em.persist(new QuarantinedItem(scope, item.msgid(), item.rawJson(), unaddressable, now));
                out.quarantined++;
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
            if (item.fromCustomer()) {
                out.fromCustomers++;
            }
        }
    }

    /** Who spoke, in the conversation's words: events and anything unexpected are the system's. */
    static Message.Sender sender(InboundItem item) {
        if (item.fromCustomer()) {
            return Message.Sender.CUSTOMER;
        }
        return item.fromServicer() ? Message.Sender.STAFF_CLIENT : Message.Sender.SYSTEM;
    }

    /** Msgids already stored, or already set aside. */
    private Set<String> known(List<InboundItem> items) {
        Set<String> known = new HashSet<>();
        List<String> msgids = items.stream().map(InboundItem::msgid).distinct().toList();
        for (int from = 0; from < msgids.size(); from += 500) {
            List<String> chunk = msgids.subList(from, Math.min(msgids.size(), from + 500));
            known.addAll(em.createNamedQuery(Message.KNOWN_MSGIDS, String.class).setParameter("msgids", chunk)
                    .getResultList());
            known.addAll(em.createNamedQuery(QuarantinedItem.KNOWN_MSGIDS, String.class).setParameter("msgids", chunk)
                    .getResultList());
        }
        return known;
    }

    /**
     * The page's customers' conversations that exist, by {@link #key}: one query per 500 customers. By user id alone
     * (its own index; a customer writing to two accounts is two rows, both read): an IN list on the second column of
     * the (account, user) key made H2 walk that index for every value, a third of a second per query.
     */
    private Map<String, Conversation> existing(List<InboundItem> items) {
        List<String> customers = items.stream().filter(InboundItem::hasCustomer).map(InboundItem::externalUserid)
                .distinct().toList();
        Map<String, Conversation> found = new HashMap<>();
        for (int from = 0; from < customers.size(); from += 500) {
            em.createNamedQuery(Conversation.BY_CUSTOMERS, Conversation.class)
                    .setParameter("externalUserids", customers.subList(from, Math.min(customers.size(), from + 500)))
                    .getResultList().forEach(c -> found.put(key(c.getOpenKfid(), c.getExternalUserid()), c));
        }
        return found;
    }

    private Conversation conversation(InboundItem item, Map<String, Conversation> cache, Instant now) {
        return cache.computeIfAbsent(key(item.openKfid(), item.externalUserid()), key -> {
            Conversation created = new Conversation(item.openKfid(), item.externalUserid(), item.sentAt());
            em.persist(created);
            return created;
        });
    }

    private static String key(String openKfid, String externalUserid) {
        return openKfid + "\n" + externalUserid;
    }
}
