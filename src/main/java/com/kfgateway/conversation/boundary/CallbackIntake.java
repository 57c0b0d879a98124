package com.kfgateway.conversation.boundary;

import com.kfgateway.conversation.control.sync.CallbackJournal;
import com.kfgateway.conversation.control.sync.Puller;
import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import com.kfgateway.wecom.entity.KfCallbackReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The doorbell: a verified WeCom callback is logged in a short transaction and a pull is handed to the managed
 * executor at once, so the callback answers WeCom well within its 5 s. Callbacks that are not KF are logged as
 * IGNORED, account grants and revocations as RECORDED.
 */
@ApplicationScoped
public class CallbackIntake {

    @Inject
    CallbackJournal journal;

    @Inject
    Puller puller;

    void received(@Observes KfCallbackReceived received) {
        CallbackEvent event = received.event();
        if (event.isKfMsgOrEvent()) {
            long id = journal.received(event, received.receivedAt(), Outcome.RECEIVED, null);
            puller.request(event.openKfId(), event.syncToken(), id);
        } else if (event.isKfAccountAuthChange()) {
            journal.received(event, received.receivedAt(), Outcome.RECORDED, "granted " + event.authAddOpenKfIds()
                    + ", revoked " + event.authDelOpenKfIds());
        } else {
            journal.received(event, received.receivedAt(), Outcome.IGNORED, "not a KF callback: " + event.msgType()
                    + "/" + event.event());
        }
    }
}
