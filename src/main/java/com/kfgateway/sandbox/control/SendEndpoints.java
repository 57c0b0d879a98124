package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.DeliveredMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * kf/send_msg and kf/send_msg_on_event: the only ways a message reaches the customer, so the only source of
 * {@link DeliveredMessage}s. A msgid already used in the account answers an error and delivers nothing again, as
 * WeCom documents ("若指定msgid，开发者需确保客服账号内唯一，否则接口返回错误"); which errcode is UNCONFIRMED, so the
 * simulator answers 40058 (invalid parameter), checked before the session's state and quota. send_msg_on_event answers 40058 for a code that is unknown, already used, expired or no longer
 * matches the session's state (WeCom's code for this is UNCONFIRMED).
 */
final class SendEndpoints {

    static final Duration SEND_WINDOW = Duration.ofHours(48);
    static final int SENDS_PER_CUSTOMER_MESSAGE = 5;
    private static final Pattern MSGID = Pattern.compile("[0-9a-zA-Z_-]{1,32}");
    private static final Set<String> SEND_TYPES = Set.of("text", "image", "voice", "video", "file", "link",
            "miniprogram", "msgmenu", "location");

    private final CorpState state;

    SendEndpoints(CorpState state) {
        this.state = state;
    }

    JsonObject sendMsg(ApiRequest request) {
        Account account = state.account(request.text("open_kfid"));
        checkRights(account);
        String customer = state.customer(request.text("touser"));
        String msgid = msgid(request);
        refuseReused(account.openKfid, msgid);
        Session session = state.session(account.openKfid, customer);
        if (session.state != Session.NEW && session.state != Session.BOT) {
            throw new ApiError(ApiError.STATE_FORBIDS_SENDING, "session state does not allow sending");
        }
        if (session.lastCustomerMessageAt == null
                || !state.now().isBefore(session.lastCustomerMessageAt.plus(SEND_WINDOW))) {
            throw new ApiError(ApiError.SEND_TIME_LIMIT, "customer has not written within 48 hours");
        }
        if (session.sendsSinceCustomerMessage >= SENDS_PER_CUSTOMER_MESSAGE) {
            throw new ApiError(ApiError.SEND_COUNT_LIMIT, "at most 5 messages per customer message");
        }
        String msgtype = request.text("msgtype");
        String content = MessageBodies.validate(request.body(), msgtype, SEND_TYPES);
        session.sendsSinceCustomerMessage++;
        return answer(deliver(account.openKfid, customer, msgid, msgtype, content, "send_msg").msgid());
    }

    JsonObject sendMsgOnEvent(ApiRequest request) {
        EventCode code = state.codes.get(request.required("code"));
        if (code == null) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "invalid code");
        }
        Account account = state.accounts.get(code.openKfid);
        checkRights(account);
        String msgid = msgid(request);
        refuseReused(account.openKfid, msgid);
        Session session = state.session(code.openKfid, code.externalUserid);
        if (code.used || !state.now().isBefore(code.expiresAt)
                || (code.requiredState != null && code.requiredState != session.state)) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "code used, expired or not valid in this state");
        }
        String msgtype = request.text("msgtype");
        String content = MessageBodies.validate(request.body(), msgtype,
                code.allowsMenu() ? Set.of("text", "msgmenu") : Set.of("text"));
        code.used = true;
        if (code.welcome) {
            session.lastWelcomeAt = state.now();
        }
        return answer(deliver(code.openKfid, code.externalUserid, msgid, msgtype, content, "send_msg_on_event")
                .msgid());
    }

    private void checkRights(Account account) {
        if (state.kfSecretWithoutKfRights || !account.managePrivilege) {
            throw new ApiError(ApiError.STATE_FORBIDS_SENDING, "the app has no right to send for this account");
        }
    }

    private static String msgid(ApiRequest request) {
        String msgid = request.text("msgid");
        if (msgid == null || msgid.isEmpty()) {
            return null;
        }
        if (!MSGID.matcher(msgid).matches()) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "invalid msgid");
        }
        return msgid;
    }

    private void refuseReused(String openKfid, String msgid) {
        if (msgid != null && state.msgidsByAccount.getOrDefault(openKfid, Map.of()).containsKey(msgid)) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "msgid already exists in this account");
        }
    }

    private DeliveredMessage deliver(String openKfid, String customer, String msgid, String msgtype, String content,
            String via) {
        String id = msgid != null ? msgid : CorpState.randomAlphanumeric(32);
        DeliveredMessage message = new DeliveredMessage(openKfid, customer, id, msgtype, content, state.now(), via);
        state.delivered.add(message);
        state.msgidsByAccount.computeIfAbsent(openKfid, key -> new HashMap<>()).put(id, message);
        return message;
    }

    private static JsonObject answer(String msgid) {
        return Json.createObjectBuilder().add("msgid", msgid).build();
    }
}
