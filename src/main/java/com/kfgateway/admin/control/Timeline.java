package com.kfgateway.admin.control;

import com.kfgateway.admin.control.TimelineItem.Speaker;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.ServiceStateChange;
import com.kfgateway.delivery.entity.SendAttempt;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.delivery.entity.SendLogEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges what three tables know about one conversation into one chat-like history: stored messages, send-log parts
 * (a part whose msgid matches a stored outbound message is shown on that message, any other part on its own) and
 * service-state changes as system lines. Pure, so its rules are tested without a database.
 */
public final class Timeline {

    private Timeline() {
    }

    public static List<TimelineItem> merge(List<Message> messages, List<SendLogEntry> sends,
            Map<Long, List<SendAttempt>> attempts, List<ServiceStateChange> changes, Set<Long> messagesWithImage) {
        Map<String, SendLogEntry> sendByMsgid = new HashMap<>();
        sends.forEach(s -> sendByMsgid.put(s.getMsgid(), s));
        List<TimelineItem> items = new ArrayList<>();
        for (Message m : messages) {
            SendLogEntry send = m.getDirection() == Message.Direction.OUT ? sendByMsgid.remove(m.getMsgid()) : null;
            items.add(new TimelineItem(speakerOf(m.getSender()), m.getSentAt(), textOf(m), m.getMsgtype(), m.getId(),
                    m.getId() != null && messagesWithImage.contains(m.getId()), m.getServicerUserid(), send,
                    attemptsOf(send, attempts), m.getHandling() == null ? null : m.getHandling().name(),
                    m.getHandlingNote()));
        }
        for (SendLogEntry s : sends) {
            if (sendByMsgid.containsKey(s.getMsgid())) {
                items.add(new TimelineItem(s.getKind() == SendKind.STAFF_REPLY ? Speaker.STAFF : Speaker.BOT,
                        s.getCreatedAt(), s.getText(), "text", null, false, s.getRequestedBy(), s,
                        attemptsOf(s, attempts), null, null));
            }
        }
        for (ServiceStateChange c : changes) {
            items.add(new TimelineItem(Speaker.SYSTEM, c.getChangedAt(), null, "state:" + c.getToState().name(), null,
                    false, c.getServicerUserid(), null, List.of(), null, null));
        }
        items.sort(Comparator.comparing(TimelineItem::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return items;
    }

    private static List<SendAttempt> attemptsOf(SendLogEntry send, Map<Long, List<SendAttempt>> attempts) {
        return send == null || send.getId() == null ? List.of() : attempts.getOrDefault(send.getId(), List.of());
    }

    static Speaker speakerOf(Message.Sender sender) {
        return switch (sender) {
            case CUSTOMER -> Speaker.CUSTOMER;
            case BOT -> Speaker.BOT;
            case STAFF_CLIENT, STAFF_CONSOLE -> Speaker.STAFF;
            case SYSTEM -> Speaker.SYSTEM;
        };
    }

    /** Events have no text of their own: show the event type so the line still says something. */
    static String textOf(Message m) {
        if (m.getText() != null && !m.getText().isBlank()) {
            return m.getText();
        }
        if (m.getEventType() != null) {
            return m.getEventType();
        }
        return "[" + m.getMsgtype() + "]";
    }
}
