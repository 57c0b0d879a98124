package com.kfgateway.conversation.control.sync;

import com.kfgateway.assistant.boundary.Assistant;
import com.kfgateway.conversation.control.ConversationConfig;
import com.kfgateway.conversation.control.outbox.Outbox;
import com.kfgateway.conversation.control.state.StateLog;
import com.kfgateway.conversation.control.state.StateRules;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.Message.Handling;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.delivery.boundary.SendLog;
import com.kfgateway.delivery.entity.SendKind;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.entity.InboundEvent;
import com.kfgateway.wecom.entity.InboundItem;
import com.kfgateway.wecom.entity.SendFailReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What one newly stored item means, applied in the ingest transaction: customer messages wait for an answer (unless
 * too old), staff messages and session events move the service state, enter_session plans the welcome, msg_send_fail
 * marks our part failed. Everything else is only recorded.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ItemEffects {

    /** enter_session's welcome_code works for 20 s after the event. */
    static final Duration WELCOME_CODE_LIFETIME = Duration.ofSeconds(20);

    @Inject
    StateLog states;

    @Inject
    Outbox outbox;

    @Inject
    SendLog sendLog;

    @Inject
    ErrorCatalogue catalogue;

    @Inject
    Assistant assistant;

    @Inject
    ConversationConfig config;

    public void apply(InboundItem item, Message message, Conversation conversation, Ingested out, Instant now) {
        if (item.fromCustomer() && conversation != null) {
            customerMessage(item, message, conversation, out, now);
        } else if (item.fromServicer() && conversation != null) {
            StateRules.afterStaffMessage(conversation.getServiceState(), conversation.getServicerUserid(),
                    item.servicerUserid()).ifPresent(
                            move -> states.move(conversation, move.to(),
                                    move.servicerUserid(), Source.STAFF_MESSAGE, move.note(), item.sentAt(), true));
            out.toAnswer.add(conversation.getId());
        } else if (item.isEvent()) {
            event(item, message, conversation, out, now);
        }
    }

    private void customerMessage(InboundItem item, Message message, Conversation conversation, Ingested out,
            Instant now) {
        StateRules.afterCustomerMessage(conversation.getServiceState()).ifPresent(move -> states.move(conversation,
                move.to(), null, Source.CUSTOMER_MESSAGE, move.note(), item.sentAt(), false));
        Duration age = Duration.between(item.sentAt(), now);
        if (age.compareTo(config.answerMaxAge()) > 0) {
            message.handled(Handling.SKIPPED, "not answered: sent " + age.toMinutes() + " min before we first saw it"
                    + " (limit " + config.answerMaxAge().toMinutes() + " min, conversation.answer-max-age-minutes)");
        } else {
            message.handled(Handling.PENDING, null);
            out.toAnswer.add(conversation.getId());
        }
        if ("image".equals(item.msgtype()) && item.mediaId() != null) {
            out.images.add(message.getId());
        }
        if (conversation.getNicknameFetchedAt() == null
                || conversation.getNicknameFetchedAt().isBefore(now.minus(Duration.ofDays(1)))) {
            out.nicknames.add(conversation.getId());
        }
    }

    private void event(InboundItem item, Message message, Conversation conversation, Ingested out, Instant now) {
        String type = item.eventType() == null ? "" : item.eventType();
        switch (type) {
            case "session_status_change" -> {
                if (conversation != null) {
                    StateRules.afterSessionStatusChange(item.event()).ifPresent(move -> states.move(conversation,
                            move.to(), move.servicerUserid(), Source.EVENT, move.note(), item.sentAt(), true));
                    out.toAnswer.add(conversation.getId());
                }
            }
            case "enter_session" -> welcome(item, message, conversation, out, now);
            case "msg_send_fail" -> sendFailed(item.event(), message, now);
            default -> {
                // Recorded only: servicer_status_change, recalls, reject switches and event types we do not know.
            }
        }
    }

    private void sendFailed(InboundEvent event, Message message, Instant now) {
        int failType = event.failType() == null ? 0 : event.failType();
        SendFailReason reason = catalogue.sendFailReason(failType);
        String explanation = reason.describe(Locale.CHINESE) + " / " + reason.describe(Locale.ENGLISH);
        boolean ours = event.failMsgid() != null && sendLog.deliveryFailed(event.failMsgid(), failType, explanation,
                now);
        message.handled(Handling.NONE, ours ? "marked our part " + event.failMsgid() + " failed"
                : "fail_msgid " + event.failMsgid() + " is not in our send log");
    }

    private void welcome(InboundItem item, Message message, Conversation conversation, Ingested out, Instant now) {
        String code = item.event().welcomeCode();
        if (conversation == null || code == null) {
            return;
        }
        Instant expiresAt = item.sentAt().plus(WELCOME_CODE_LIFETIME);
        if (!now.isBefore(expiresAt)) {
            message.handled(Handling.SKIPPED, "welcome_code expired (20 s) before we pulled the event");
            return;
        }
        String text = assistant.welcomeText(item.event().scene());
        if (text == null || text.isBlank()) {
            message.handled(Handling.NONE, "no welcome text configured for scene " + item.event().scene());
            return;
        }
        out.eventSends.add(outbox.onEvent(conversation, message, SendKind.WELCOME, code, expiresAt, text, now)
                .getId());
        message.handled(Handling.ANSWERED, "welcome sent via send_msg_on_event");
    }
}
