package com.kfgateway.conversation.control.state;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.conversation.entity.TransferOutcome;
import com.kfgateway.database.ConflictRetry;
import com.kfgateway.database.GroupCommit;
import com.kfgateway.wecom.control.ErrorCatalogue;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.WeComError;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The one way a session changes hands on our initiative: kf/service_state/trans (outside any transaction), then the
 * new state recorded with its source in a short transaction, then the outcome with WeCom's msg_code for a notice.
 * Used by the console (take over, queue, end), the session gate (the bot claims 0 → 1) and the handover.
 */
@ApplicationScoped
public class SessionTransfer {

    @Inject
    WeComClient client;

    @Inject
    StateLog states;

    @Inject
    GroupCommit commits;

    @Inject
    ErrorCatalogue catalogue;

    /** {@code servicer} is sent only for state 3 (人工接待), which requires one who is receiving. */
    public TransferOutcome move(Conversation conversation, ServiceState target, String servicer, Source source,
            String note) {
        String assigned = target == ServiceState.HUMAN ? servicer : null;
        WeComReply<String> answer = client.transferSession(conversation.getOpenKfid(),
                conversation.getExternalUserid(), target.code(), assigned);
        if (!answer.ok()) {
            return new TransferOutcome(false, conversation.getServiceState(),
                    answer.outcome() == WeComReply.Outcome.ERRCODE ? answer.errcode() : null, reason(answer), null);
        }
        ConflictRetry
                .run(() -> commits.run(() -> states.moveNow(conversation.getId(), target, assigned, source, note)));
        return new TransferOutcome(true, target, null, null, answer.value());
    }

    private String reason(WeComReply<String> answer) {
        if (answer.outcome() != WeComReply.Outcome.ERRCODE) {
            return "WeCom could not be asked: " + answer.describe();
        }
        WeComError error = catalogue.lookup(answer.errcode());
        return error.describe(Locale.CHINESE) + " / " + error.describe(Locale.ENGLISH);
    }
}
