package com.kfgateway.conversation.control.enrich;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.database.ConflictRetry;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.Customer;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Customer nicknames from kf/customer/batchget, cached on the conversation for a day. Called outside transactions. */
@ApplicationScoped
public class Nicknames {

    private static final Logger LOG = Logger.getLogger(Nicknames.class.getName());
    private static final int READ_CHUNK = 500;

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    WeComClient client;

    @Inject
    Nicknames self;

    public void refresh(List<Long> conversationIds) {
        Map<String, Long> byUser = self.customers(conversationIds);
        List<String> users = List.copyOf(byUser.keySet());
        for (int from = 0; from < users.size(); from += 100) {
            WeComReply<List<Customer>> answer = client.customers(users.subList(from, Math.min(users.size(),
                    from + 100)));
            if (!answer.ok()) {
                LOG.info(() -> "kf/customer/batchget: " + answer.describe());
                return;
            }
            Map<Long, String> names = new HashMap<>();
            answer.value().stream().filter(c -> byUser.containsKey(c.externalUserid()))
                    .forEach(c -> names.put(byUser.get(c.externalUserid()), c.nickname()));
            ConflictRetry.run(() -> self.store(names));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Long> customers(List<Long> conversationIds) {
        Map<String, Long> byUser = new HashMap<>();
        read(conversationIds).forEach(c -> byUser.put(c.getExternalUserid(), c.getId()));
        return byUser;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(Map<Long, String> names) {
        Instant now = Instant.now();
        read(names.keySet()).forEach(c -> c.nicknameFetched(names.get(c.getId()), now));
    }

    /** A page's conversations in a few queries, not one per conversation (a backlog's pages are 1,000 items). */
    private List<Conversation> read(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<Conversation> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += READ_CHUNK) {
            found.addAll(em.createNamedQuery(Conversation.BY_IDS, Conversation.class)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + READ_CHUNK))).getResultList());
        }
        return found;
    }
}
