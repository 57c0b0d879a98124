package com.kfgateway.conversation.control.answering;

import com.kfgateway.assistant.boundary.Assistant;
import com.kfgateway.assistant.entity.Answer;
import com.kfgateway.assistant.entity.Question;
import com.kfgateway.assistant.entity.Role;
import com.kfgateway.assistant.entity.Turn;
import com.kfgateway.conversation.control.outbox.Outbox;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.HandoverRequest;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.Message.Handling;
import com.kfgateway.delivery.entity.SendKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The answering loop's transactions: pick the conversation's oldest PENDING message with its context, and record the
 * outcome: ANSWERED together with the send-log parts of the answer (one transaction, so a crash before it re-answers
 * and a crash after it resends the same parts), or SKIPPED with why.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class AnswerStore {

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Assistant assistant;

    /** A message to answer and the conversation as they were read (detached), and the question for the assistant. */
    public record Pending(Message message, Conversation conversation, Question question) {

        public long messageId() {
            return message.getId();
        }
    }

    public Pending next(long conversationId) {
        List<Message> pending = em.createNamedQuery(Message.PENDING_OF_CONVERSATION, Message.class)
                .setParameter("conversationId", conversationId).setParameter("handling", Handling.PENDING)
                .setMaxResults(1).getResultList();
        if (pending.isEmpty()) {
            return null;
        }
        Message message = pending.get(0);
        Conversation conversation = em.find(Conversation.class, conversationId);
        em.detach(conversation);
        em.detach(message);
        return new Pending(message, conversation, new Question(conversation.getOpenKfid() + "/"
                + conversation.getExternalUserid(), message.getText(), history(message)));
    }

    /** The turns before {@code message}, oldest first, each answer after its question; events are left out. */
    private List<Turn> history(Message message) {
        int wanted = assistant.contextTurns();
        if (wanted == 0) {
            return List.of();
        }
        List<Message> latest = em.createNamedQuery(Message.LATEST_OF_CONVERSATION, Message.class)
                .setParameter("conversationId", message.getConversationId()).setMaxResults(wanted * 3 + 10)
                .getResultList();
        List<DialogueHistory.Line> lines = latest.stream().map(m -> new DialogueHistory.Line(m.getId(),
                m.getSentAt(), role(m), m.getText(), m.getAnswersMessageId())).toList();
        return DialogueHistory.before(message.getId(), message.getSentAt(), lines, wanted);
    }

    private static Role role(Message message) {
        return switch (message.getSender()) {
            case CUSTOMER -> Role.CUSTOMER;
            case BOT -> Role.ASSISTANT;
            case STAFF_CLIENT, STAFF_CONSOLE -> Role.STAFF;
            case SYSTEM -> null;
        };
    }

    /** False when the message was handled meanwhile (another node, a restart): then nothing is planned. */
    public boolean answered(long messageId, Answer answer, String gateNote, boolean sendNow) {
        Message message = em.find(Message.class, messageId);
        if (message == null || message.getHandling() != Handling.PENDING) {
            return false;
        }
        String note = answer.engine() + (answer.note() == null ? "" : ": " + answer.note())
                + (answer.handover() ? " → handover" : "") + (gateNote == null ? "" : "; " + gateNote);
        message.handled(Handling.ANSWERED, note);
        if (answer.handover()) {
            // Durable work in the same commit: a crash before the handover is done cannot lose it.
            em.persist(new HandoverRequest(message.getConversationId(), messageId, answer.text(), Instant.now()));
        }
        if (sendNow) {
            Conversation conversation = em.find(Conversation.class, message.getConversationId());
            outbox.text(conversation, message, SendKind.ANSWER, answer.text(), Instant.now());
        }
        return true;
    }

    public void skipped(long messageId, String why) {
        Message message = em.find(Message.class, messageId);
        if (message != null && message.getHandling() == Handling.PENDING) {
            message.handled(Handling.SKIPPED, why);
        }
    }
}
