package com.kfgateway.conversation.control;

import com.kfgateway.wecom.control.WeComClient;
import com.kfgateway.wecom.entity.Servicer;
import com.kfgateway.wecom.entity.SessionState;
import com.kfgateway.wecom.entity.WeComReply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * WeCom as the conversation pipeline meets it, for one customer: it keeps the session's state as trans moves it (so
 * a test can crash us after WeCom moved the session and see whether we ask before moving again), answers every
 * typed call OK unless a reply was queued for that call, and records each call in order as one readable line.
 */
public final class ScriptedWeCom extends WeComClient {

    /** WeCom's own view of the session: what service_state/get answers. */
    public int state;
    public String servicer;
    public List<Servicer> servicerList = List.of(new Servicer("alice", true));
    public final List<String> calls = new ArrayList<>();
    public final Deque<WeComReply<SessionState>> stateReplies = new ArrayDeque<>();
    public final Deque<WeComReply<String>> transReplies = new ArrayDeque<>();
    public final Deque<WeComReply<List<Servicer>>> servicerReplies = new ArrayDeque<>();
    public final Deque<WeComReply<Void>> staffReplies = new ArrayDeque<>();
    public final Deque<WeComReply<Void>> sendReplies = new ArrayDeque<>();
    private int codes;

    /** The calls whose line starts with {@code prefix}: "trans", "get", "servicers", "notify", "send", "send@". */
    public List<String> calls(String prefix) {
        return calls.stream().filter(call -> call.startsWith(prefix)).toList();
    }

    @Override
    public WeComReply<SessionState> serviceState(String openKfid, String externalUserid) {
        calls.add("get " + externalUserid);
        WeComReply<SessionState> queued = stateReplies.poll();
        return queued != null ? queued : WeComReply.ok(new SessionState(state, state == 3 ? servicer : null));
    }

    @Override
    public WeComReply<String> transferSession(String openKfid, String externalUserid, int to, String servicerUserid) {
        calls.add("trans " + externalUserid + " " + to + (servicerUserid == null ? "" : " " + servicerUserid));
        WeComReply<String> reply = transReplies.poll();
        if (reply == null) {
            reply = WeComReply.ok(to == 1 ? null : "MSGCODE" + ++codes);
        }
        if (reply.ok()) {
            state = to;
            servicer = servicerUserid;
        }
        return reply;
    }

    @Override
    public WeComReply<List<Servicer>> servicers(String openKfid) {
        calls.add("servicers " + openKfid);
        WeComReply<List<Servicer>> queued = servicerReplies.poll();
        return queued != null ? queued : WeComReply.ok(servicerList);
    }

    @Override
    public WeComReply<Void> notifyStaff(String toUser, String text) {
        calls.add("notify " + toUser + " " + text);
        WeComReply<Void> queued = staffReplies.poll();
        return queued != null ? queued : WeComReply.ok(null);
    }

    @Override
    public WeComReply<Void> sendText(String openKfid, String externalUserid, String msgid, String content) {
        calls.add("send " + content);
        WeComReply<Void> queued = sendReplies.poll();
        return queued != null ? queued : WeComReply.ok(null);
    }

    @Override
    public WeComReply<Void> sendTextOnEvent(String code, String msgid, String content) {
        calls.add("send@" + code + " " + content);
        WeComReply<Void> queued = sendReplies.poll();
        return queued != null ? queued : WeComReply.ok(null);
    }
}
