package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatorResponse;
import jakarta.json.Json;

/** A WeCom errcode answer; thrown by an endpoint before it changes anything, so an error never has an effect. */
final class ApiError extends RuntimeException {

    static final int SYSTEM_BUSY = -1;
    static final int INVALID_SECRET = 40001;
    static final int INVALID_MSGTYPE = 40008;
    static final int INVALID_MEDIA_ID = 40007;
    static final int INVALID_CORPID = 40013;
    static final int INVALID_TOKEN = 40014;
    static final int INVALID_PARAMETER = 40058;
    static final int INVALID_EXTERNAL_USERID = 40096;
    static final int MISSING_TOKEN = 41001;
    static final int MISSING_CORPID = 41002;
    static final int MISSING_SECRET = 41004;
    static final int MISSING_AGENTID = 41011;
    static final int TOKEN_EXPIRED = 42001;
    static final int GET_REQUIRED = 43001;
    static final int POST_REQUIRED = 43002;
    static final int EMPTY_CONTENT = 44004;
    static final int CONTENT_TOO_LONG = 45002;
    static final int BAD_JSON = 47001;
    static final int NO_API_PERMISSION = 48002;
    static final int UNTRUSTED_IP = 60020;
    static final int ALL_RECIPIENTS_INVALID = 81013;
    static final int AGENT_MISMATCH = 301002;
    static final int MALFORMED_OPEN_KFID = 95000;
    static final int SEND_COUNT_LIMIT = 95001;
    static final int SEND_TIME_LIMIT = 95002;
    static final int UNKNOWN_OPEN_KFID = 95004;
    static final int INVALID_SYNC_TOKEN = 95007;
    static final int TOO_MANY_MENU_ITEMS = 95008;
    static final int BAD_MENU_ITEM_TYPE = 95009;
    static final int SESSION_ENDED = 95013;
    static final int NOT_A_SERVICER = 95014;
    static final int ILLEGAL_STATE_MOVE = 95016;
    static final int STATE_FORBIDS_SENDING = 95018;
    static final int SERVICER_NOT_RECEIVING = 95019;

    private final int errcode;

    ApiError(int errcode, String errmsg) {
        super(errmsg, null, false, false);
        this.errcode = errcode;
    }

    int errcode() {
        return errcode;
    }

    String errmsg() {
        return getMessage();
    }

    /** WeCom's JSON error answer, marked as simulated so nobody mistakes a log line for the real WeCom's. */
    SimulatorResponse answer() {
        return SimulatorResponse.json(Json.createObjectBuilder()
                .add("errcode", errcode).add("errmsg", errmsg() + ", hint: [simulated]").build().toString());
    }
}
