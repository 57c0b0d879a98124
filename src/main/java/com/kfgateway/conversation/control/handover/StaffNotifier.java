package com.kfgateway.conversation.control.handover;

import com.kfgateway.conversation.control.ConversationConfig;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.Message;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * Tells staff, through the self-built app (message/send, WECOM_SECRET's token, WECOM_AGENT_ID), that a customer
 * wants a human: who, in which state, and the last few things the customer said.
 */
@ApplicationScoped
public class StaffNotifier {

    static final int LAST_CUSTOMER_MESSAGES = 3;
    private static final Logger LOG = Logger.getLogger(StaffNotifier.class.getName());

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Inject
    WeComClient client;

    @Inject
    ConversationConfig config;

    @Inject
    StaffNotifier self;

    /** Outside transactions; a notification that cannot go out is logged, never thrown. */
    public WeComReply<Void> handoverRequested(long conversationId, ServiceState state, String servicer) {
        if (config.notifyTo().isEmpty()) {
            LOG.info(() -> "no staff notified of the handover in conversation " + conversationId
                    + ": recipients are not configured (set CONVERSATION_NOTIFY_TO to WeCom userids, a|b)");
            return WeComReply.notConfigured("conversation.notify-to is not set");
        }
        String summary = self.summary(conversationId, state, servicer);
        WeComReply<Void> answer = client.notifyStaff(config.notifyTo().get(), summary);
        if (!answer.ok()) {
            LOG.warning(() -> "staff notification for conversation " + conversationId + " not sent: "
                    + answer.describe());
        }
        return answer;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String summary(long conversationId, ServiceState state, String servicer) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        List<String> said = new ArrayList<>();
        for (Message message : em.createNamedQuery(Message.LATEST_OF_CONVERSATION, Message.class)
                .setParameter("conversationId", conversationId).setMaxResults(30).getResultList()) {
            if (message.getSender() == Message.Sender.CUSTOMER && said.size() < LAST_CUSTOMER_MESSAGES) {
                said.add("- " + shorten(message.getText()));
            }
        }
        Collections.reverse(said);
        String where = switch (state) {
            case HUMAN -> "已转给 " + servicer + " / assigned to " + servicer;
            case QUEUED -> "在接待池排队 / waiting in the queue (state 2)";
            // WeCom refused the move: nobody has the customer yet, so staff must act.
            default -> "未能转接，请在企业微信中接入 / could not be moved (state " + state.code() + "): take the customer in"
                    + " the WeCom client";
        };
        return "客户 " + conversation.getDisplayName() + " 请求人工服务 / asked for a human\n" + where + "\n"
                + "最近消息 / last messages:\n" + String.join("\n", said);
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
