package com.kfgateway.admin.control;

import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.delivery.entity.SendLogEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads one conversation's history for the console and the API: the newest {@value #MAX_MESSAGES} messages. */
@Stateless
public class ConversationHistory {

    static final int MAX_MESSAGES = 300;

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    SendLogSearch sendLog;

    public List<TimelineItem> of(long conversationId) {
        List<Message> messages = messages(conversationId, MAX_MESSAGES);
        List<SendLogEntry> sends = sendLog.ofConversation(conversationId);
        List<ServiceStateChange> changes = stateChanges(conversationId);
        return Timeline.merge(messages, sends, sendLog.attemptsOf(sends.stream().map(SendLogEntry::getId).toList()),
                changes, withImages(messages));
    }

    /** The newest {@code max} messages, oldest first. */
    public List<Message> messages(long conversationId, int max) {
        List<Message> newest = new ArrayList<>(em.createQuery("select m from Message m where m.conversationId = :id "
                + "order by m.storedAt desc, m.id desc", Message.class).setParameter("id", conversationId)
                .setMaxResults(max)
                .getResultList());
        Collections.reverse(newest);
        return newest;
    }

    public List<ServiceStateChange> stateChanges(long conversationId) {
        return em.createNamedQuery(ServiceStateChange.OF_CONVERSATION, ServiceStateChange.class)
                .setParameter("conversationId", conversationId).getResultList();
    }

    private Set<Long> withImages(List<Message> messages) {
        List<Long> imageIds = messages.stream().filter(m -> "image".equals(m.getMsgtype())).map(Message::getId)
                .toList();
        if (imageIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select b.messageId from MediaBlob b where b.messageId in :ids", Long.class)
                .setParameter("ids", imageIds).getResultList());
    }
}
