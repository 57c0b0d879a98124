package com.kfgateway.sandbox.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;

/**
 * What customers and servicers do on their side (in WeChat and in the WeCom client), turned into sync_msg items in
 * the exact §2.2 shapes. Event items carry no top-level open_kfid/external_userid, as WeCom sends them. Not
 * thread-safe: the simulator's lock guards it; the simulator delivers the callback afterwards.
 */
final class ConversationActions {

    static final Duration WELCOME_CODE_VALIDITY = Duration.ofSeconds(20);
    private static final Duration WELCOME_QUIET_PERIOD = Duration.ofHours(48);

    private final CorpState state;

    ConversationActions(CorpState state) {
        this.state = state;
    }

    /** Returns the welcome_code, or null when the customer had a welcome or wrote within 48 h. */
    String enterSession(String openKfid, String externalUserid, String scene, String sceneParam) {
        state.seededAccount(openKfid);
        knownCustomer(externalUserid);
        Session session = state.session(openKfid, externalUserid);
        session.enterScene = scene;
        session.enterSceneParam = sceneParam;
        session.enteredAt = state.now();
        JsonObjectBuilder event = event("enter_session", openKfid, externalUserid)
                .add("scene", scene == null ? "" : scene)
                .add("scene_param", sceneParam == null ? "" : sceneParam);
        String welcomeCode = null;
        if (isQuiet(session)) {
            welcomeCode = state.issueCode(true, openKfid, externalUserid, WELCOME_CODE_VALIDITY, null).code;
            event.add("welcome_code", welcomeCode);
        }
        appendEvent(openKfid, event);
        return welcomeCode;
    }

    String customerSendsText(String openKfid, String externalUserid, String text) {
        return customerSends(openKfid, externalUserid, "text",
                Json.createObjectBuilder().add("content", text));
    }

    String customerSendsImage(String openKfid, String externalUserid) {
        return customerSends(openKfid, externalUserid, "image",
                Json.createObjectBuilder().add("media_id", state.issueMediaId()));
    }

    String staffSendsText(String openKfid, String externalUserid, String servicer, String text) {
        servicerOf(openKfid, servicer);
        knownCustomer(externalUserid);
        String msgid = messageId();
        state.appendSync(openKfid, message(msgid, openKfid, externalUserid, 5, "text",
                Json.createObjectBuilder().add("content", text)).add("servicer_userid", servicer).build());
        Session session = state.session(openKfid, externalUserid);
        if (session.state == Session.ENDED) {
            session.moveTo(Session.HUMAN, servicer);
            appendEvent(openKfid, event("session_status_change", openKfid, externalUserid)
                    .add("change_type", 4)
                    .add("old_servicer_userid", servicer)
                    .add("new_servicer_userid", servicer));
        }
        return msgid;
    }

    /** Returns the closing msg_code (valid 20 s). */
    String staffEndsSession(String openKfid, String externalUserid, String servicer) {
        servicerOf(openKfid, servicer);
        Session session = openSession(openKfid, externalUserid);
        session.moveTo(Session.ENDED, null);
        String code = state.issueCode(false, openKfid, externalUserid, SessionEndpoints.CLOSING_CODE_VALIDITY,
                Session.ENDED).code;
        appendEvent(openKfid, event("session_status_change", openKfid, externalUserid)
                .add("change_type", 3)
                .add("old_servicer_userid", servicer)
                .add("msg_code", code));
        return code;
    }

    /** Returns the reply msg_code (valid 48 h while the servicer keeps the session). */
    String staffTakesFromPool(String openKfid, String externalUserid, String servicer) {
        servicerOf(openKfid, servicer);
        Session session = openSession(openKfid, externalUserid);
        if (session.state == Session.HUMAN) {
            throw new IllegalStateException("a servicer already holds this session");
        }
        return assignToServicer(openKfid, externalUserid, session, servicer);
    }

    private String customerSends(String openKfid, String externalUserid, String msgtype, JsonObjectBuilder body) {
        Account account = state.seededAccount(openKfid);
        knownCustomer(externalUserid);
        String msgid = messageId();
        state.appendSync(openKfid, message(msgid, openKfid, externalUserid, 3, msgtype, body).build());
        Session session = state.session(openKfid, externalUserid);
        session.customerWrote(state.now());
        if (session.state == Session.ENDED) {
            String servicer = state.routeToOnlineServicers ? account.firstReceivingServicer() : null;
            session.moveTo(Session.NEW, null);
            if (servicer != null) {
                assignToServicer(openKfid, externalUserid, session, servicer);
            }
        }
        return msgid;
    }

    private String assignToServicer(String openKfid, String externalUserid, Session session, String servicer) {
        session.moveTo(Session.HUMAN, servicer);
        session.replyCodeIssued = true;
        String code = state.issueCode(false, openKfid, externalUserid, SessionEndpoints.REPLY_CODE_VALIDITY,
                Session.HUMAN).code;
        appendEvent(openKfid, event("session_status_change", openKfid, externalUserid)
                .add("change_type", 1)
                .add("new_servicer_userid", servicer)
                .add("msg_code", code));
        return code;
    }

    private boolean isQuiet(Session session) {
        return (session.lastWelcomeAt == null || !session.lastWelcomeAt.plus(WELCOME_QUIET_PERIOD).isAfter(state.now()))
                && (session.lastCustomerMessageAt == null
                        || !session.lastCustomerMessageAt.plus(WELCOME_QUIET_PERIOD).isAfter(state.now()));
    }

    private Session openSession(String openKfid, String externalUserid) {
        Session session = state.session(openKfid, externalUserid);
        if (session.state == Session.ENDED) {
            throw new IllegalStateException("the session has ended or not started");
        }
        return session;
    }

    private void servicerOf(String openKfid, String servicer) {
        if (!state.seededAccount(openKfid).hasServicer(servicer)) {
            throw new IllegalArgumentException(servicer + " is not a servicer of " + openKfid);
        }
    }

    private void knownCustomer(String externalUserid) {
        state.customers.putIfAbsent(externalUserid, externalUserid);
    }

    private JsonObjectBuilder message(String msgid, String openKfid, String externalUserid, int origin,
            String msgtype, JsonObjectBuilder body) {
        return Json.createObjectBuilder()
                .add("msgid", msgid)
                .add("open_kfid", openKfid)
                .add("external_userid", externalUserid)
                .add("send_time", state.now().getEpochSecond())
                .add("origin", origin)
                .add("msgtype", msgtype)
                .add(msgtype, body);
    }

    /** An event item's {@code event} object; tests add events no page causes (src/test: SimulatorFaults). */
    JsonObjectBuilder event(String eventType, String openKfid, String externalUserid) {
        return Json.createObjectBuilder()
                .add("event_type", eventType)
                .add("open_kfid", openKfid)
                .add("external_userid", externalUserid);
    }

    void appendEvent(String openKfid, JsonObjectBuilder event) {
        state.appendSync(openKfid, Json.createObjectBuilder()
                .add("msgid", CorpState.randomAlphanumeric(28))
                .add("send_time", state.now().getEpochSecond())
                .add("origin", 4)
                .add("msgtype", "event")
                .add("event", event)
                .build());
    }

    private static String messageId() {
        return "from_msgid_" + CorpState.randomDigits(19);
    }
}
