package com.kfgateway.conversation.control;

import com.kfgateway.delivery.control.ConflictRetry;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.control.WeComResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Customer nicknames from kf/customer/batchget, cached on the conversation for a day. Called outside transactions. */
@ApplicationScoped
public class Nicknames {

    private static final Logger LOG = Logger.getLogger(Nicknames.class.getName());

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
            WeComResponse answer = client.customerBatchGet(users.subList(from, Math.min(users.size(), from + 100)));
            if (!answer.ok()) {
                LOG.info(() -> "kf/customer/batchget answered errcode " + answer.errcode());
                return;
            }
            Map<Long, String> names = new HashMap<>();
            if (answer.body().get("customer_list") instanceof JsonArray list) {
                list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                        .filter(c -> byUser.containsKey(c.getString("external_userid", "")))
                        .forEach(c -> names.put(byUser.get(c.getString("external_userid")),
                                c.getString("nickname", null)));
            }
            ConflictRetry.run(() -> self.store(names));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Long> customers(List<Long> conversationIds) {
        Map<String, Long> byUser = new HashMap<>();
        for (Long id : conversationIds) {
            Conversation conversation = em.find(Conversation.class, id);
            if (conversation != null) {
                byUser.put(conversation.getExternalUserid(), id);
            }
        }
        return byUser;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(Map<Long, String> names) {
        Instant now = Instant.now();
        names.forEach((id, name) -> em.find(Conversation.class, id).nicknameFetched(name, now));
    }
}
