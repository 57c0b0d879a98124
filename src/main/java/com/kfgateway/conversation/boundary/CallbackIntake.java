package com.kfgateway.conversation.boundary;

import com.kfgateway.conversation.control.sync.CallbackJournal;
import com.kfgateway.conversation.control.sync.Puller;
import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.CallbackLogEntry.Outcome;
import com.kfgateway.wecom.entity.KfCallbackReceived;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The doorbell: a verified WeCom callback is handed to the managed executor and the callback answers WeCom at once,
 * with no database work on the request thread (a slow or stopped database never delays the ack). There the
 * callback is logged in a short transaction and a pull requested. Callbacks that are not KF are logged as IGNORED,
 * account grants and revocations as RECORDED. A callback whose log write fails still triggers its pull; one the
 * executor cannot take is covered by the periodic safety-net pull.
 */
@ApplicationScoped
public class CallbackIntake {

    private static final Logger LOG = Logger.getLogger(CallbackIntake.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    CallbackJournal journal;

    @Inject
    Puller puller;

    void received(@Observes KfCallbackReceived received) {
        try {
            executor.execute(() -> handle(received));
        } catch (RejectedExecutionException e) {
            LOG.warning("callback not handled now (executor saturated); the safety-net pull will fetch its messages");
        }
    }

    void handle(KfCallbackReceived received) {
        CallbackEvent event = received.event();
        if (event.isKfMsgOrEvent()) {
            puller.request(event.openKfId(), event.syncToken(), logged(received, Outcome.RECEIVED, null));
        } else if (event.isKfAccountAuthChange()) {
            logged(received, Outcome.RECORDED, "granted " + event.authAddOpenKfIds() + ", revoked "
                    + event.authDelOpenKfIds());
        } else {
            logged(received, Outcome.IGNORED, "not a KF callback: " + event.msgType() + "/" + event.event());
        }
    }

    private Long logged(KfCallbackReceived received, Outcome outcome, String detail) {
        try {
            return journal.received(received.event(), received.receivedAt(), outcome, detail);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "callback could not be logged (is the database down?); pulling anyway", e);
            return null;
        }
    }
}
