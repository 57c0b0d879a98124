package com.kfgateway.conversation.control.state;

import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import com.kfgateway.conversation.entity.ServiceStateChange.Source;
import com.kfgateway.database.ConflictRetry;
import com.kfgateway.database.GroupCommit;
import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.SessionState;
import com.kfgateway.wecom.entity.WeComReply;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asks WeCom for a session's state (kf/service_state/get) and records what it says, with the reason for asking, in a
 * short transaction after the call. Nothing is recorded when WeCom could not be asked or refused.
 */
@ApplicationScoped
public class SessionStates {

    @Inject
    WeComClient client;

    @Inject
    StateLog states;

    @Inject
    GroupCommit commits;

    public WeComReply<SessionState> read(Conversation conversation, String why) {
        WeComReply<SessionState> answer = client.serviceState(conversation.getOpenKfid(),
                conversation.getExternalUserid());
        if (answer.ok() && answer.value() != null) {
            ServiceState read = ServiceState.of(answer.value().code());
            ConflictRetry.run(
                    () -> commits.run(() -> states.moveNow(conversation.getId(), read, answer.value().servicerUserid(),
                            Source.SERVICE_STATE_GET, why)));
        }
        return answer;
    }
}
