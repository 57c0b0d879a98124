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
import com.kfgateway.delivery.control.Dispatcher;
import com.kfgateway.delivery.entity.SendKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The answering loop's transactions: pick the conversation's next turn (its PENDING messages, oldest first, up to
 * {@link #MAX_TURN_MESSAGES}) with its context, and record the outcome: every message of the turn ANSWERED together
 * with the send-log parts of the one answer (one transaction, so a crash before it re-answers and a crash after it
 * resends the same parts), or SKIPPED with why.
 * <p>
 * A customer who types ten short lines quickly is answered once for all that were waiting: WeCom allows 5 sends
 * per customer message, and one answer per line would be refused half the time and read as spam the rest.
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

    /** Bounds one turn's question; later messages make the next turn. */
    static final int MAX_TURN_MESSAGES = 20;

    /**
     * One turn: the messages it answers, oldest first, and the conversation as they were read (detached), and the
     * question for the assistant. The answer answers the newest of them.
     */
    public record Pending(List<Message> messages, Conversation conversation, Question question) {

        public Pending {
            messages = List.copyOf(messages);
        }

        /** The newest message of the turn: the one the answer's parts answer (and their msgids derive from). */
        public long messageId() {
            return messages.get(messages.size() - 1).getId();
        }

        public List<Long> messageIds() {
            return messages.stream().map(Message::getId).toList();
        }

        /** As many messages as a turn takes: more may be waiting behind them. */
        public boolean full() {
            return messages.size() >= MAX_TURN_MESSAGES;
        }
    }

    /**
     * What the conversation's serial queue does next: carry out an open handover first, then answer {@code turn}
     * (null when nothing waits). One transaction for both questions, as every conversation asks them every time.
     */
    public record Next(Pending turn, boolean handoverOpen) {
    }

    public Next next(long conversationId) {
        boolean handoverOpen = !em.createNamedQuery(HandoverRequest.OPEN_OF_CONVERSATION, HandoverRequest.class)
                .setParameter("conversationId", conversationId).setMaxResults(1).getResultList().isEmpty();
        return new Next(turn(conversationId), handoverOpen);
    }

    private Pending turn(long conversationId) {
        List<Message> pending = em.createNamedQuery(Message.PENDING_OF_CONVERSATION, Message.class)
                .setParameter("conversationId", conversationId).setParameter("handling", Handling.PENDING)
                .setMaxResults(MAX_TURN_MESSAGES).getResultList();
        if (pending.isEmpty()) {
            return null;
        }
        Conversation conversation = em.find(Conversation.class, conversationId);
        em.detach(conversation);
        pending.forEach(em::detach);
        return new Pending(pending, conversation, new Question(conversation.getOpenKfid() + "/"
                + conversation.getExternalUserid(), turnText(pending), history(pending.get(0), pending.size())));
    }

    /** The lines of a turn as the customer typed them, one per line; a line without text (an image) is left out. */
    static String turnText(List<Message> turn) {
        return String.join("\n", turn.stream().map(Message::getText).filter(t -> t != null && !t.isBlank()).toList());
    }

    /** The turns before {@code message}, oldest first, each answer after its question; events are left out. */
    private List<Turn> history(Message message, int turnSize) {
        int wanted = assistant.contextTurns();
        if (wanted == 0) {
            return List.of();
        }
        List<Message> latest = em.createNamedQuery(Message.LATEST_OF_CONVERSATION, Message.class)
                .setParameter("conversationId", message.getConversationId()).setMaxResults(wanted * 3 + 10 + turnSize)
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

    /**
     * What {@link #answered} did: {@code done} is false when the turn was handled meanwhile; {@code first} is the
     * answer's first part, claimed in the same transaction to be sent right after it (null: dispatch as usual).
     */
    public record Recorded(boolean done, Dispatcher.Started first) {

        static final Recorded NOT = new Recorded(false, null);
    }

    /**
     * Marks the turn's messages ANSWERED, the newest with the answer's note and the others as answered with it, and
     * plans the answer's parts, claiming the first. {@link Recorded#NOT} when any of them was handled meanwhile
     * (another node, a restart): then nothing changes, and the next turn is read again.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Recorded answered(List<Long> turn, Answer answer, String gateNote, boolean sendNow) {
        List<Message> messages = stillPending(turn);
        if (messages == null) {
            return Recorded.NOT;
        }
        Message message = messages.get(messages.size() - 1);
        long messageId = message.getId();
        String note = answer.engine() + (answer.note() == null ? "" : ": " + answer.note())
                + (answer.handover() ? " → handover" : "") + (gateNote == null ? "" : "; " + gateNote)
                + (messages.size() == 1 ? "" : "; one answer for " + messages.size() + " messages");
        for (Message earlier : messages.subList(0, messages.size() - 1)) {
            earlier.handled(Handling.ANSWERED, "answered together with message #" + messageId);
        }
        message.handled(Handling.ANSWERED, note);
        if (answer.handover()) {
            // Durable work in the same commit: a crash before the handover is done cannot lose it.
            em.persist(new HandoverRequest(message.getConversationId(), messageId, answer.text(), Instant.now()));
        }
        if (!sendNow) {
            return new Recorded(true, null);
        }
        Conversation conversation = em.find(Conversation.class, message.getConversationId());
        Instant now = Instant.now();
        return new Recorded(true, outbox.claimFirst(outbox.text(conversation, message, SendKind.ANSWER, answer.text(),
                now), now));
    }

    public void skipped(List<Long> turn, String why) {
        for (Long id : turn) {
            Message message = em.find(Message.class, id);
            if (message != null && message.getHandling() == Handling.PENDING) {
                message.handled(Handling.SKIPPED, why);
            }
        }
    }

    /** The turn's messages in the given order, or null when one of them is gone or no longer PENDING. */
    private List<Message> stillPending(List<Long> turn) {
        List<Message> messages = new ArrayList<>();
        for (Long id : turn) {
            Message message = em.find(Message.class, id);
            if (message == null || message.getHandling() != Handling.PENDING) {
                return null;
            }
            messages.add(message);
        }
        return messages.isEmpty() ? null : messages;
    }
}
