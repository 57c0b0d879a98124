package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.StaffNotification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * message/send: a notification to staff through the self-built app. Only a token fetched with the app's secret may
 * name the app's agentid (else 301002, also when a separate KF app's token is used). The app's visible range is every
 * servicer of every account plus the members added with {@code addMember}. toparty and totag are not simulated: a
 * call whose touser is all invalid answers 81013 whatever else it names. With {@code enable_duplicate_check=1}, the
 * same request JSON within {@code duplicate_check_interval} seconds (default 1800, at most 4 h) is answered as sent
 * and not delivered again.
 */
final class StaffMessageEndpoint {

    static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(1800);
    static final Duration LONGEST_DUPLICATE_WINDOW = Duration.ofHours(4);

    private final CorpState state;
    /** Request JSON of each checked message and when it was last delivered. */
    private final Map<String, Instant> checked = new HashMap<>();

    StaffMessageEndpoint(CorpState state) {
        this.state = state;
    }

    JsonObject send(ApiRequest request) {
        long agentId = request.number("agentid", Long.MIN_VALUE);
        if (agentId == Long.MIN_VALUE) {
            throw new ApiError(ApiError.MISSING_AGENTID, "agentid missing");
        }
        if (!request.token().isTheApp() || agentId != state.corp.agentId()) {
            throw new ApiError(ApiError.AGENT_MISMATCH, "no privilege to access/modify this agent");
        }
        String msgtype = request.text("msgtype");
        if (msgtype == null || msgtype.isEmpty()) {
            throw new ApiError(ApiError.INVALID_MSGTYPE, "invalid message type");
        }
        JsonObject body = request.body().get(msgtype) instanceof JsonObject object ? object
                : JsonObject.EMPTY_JSON_OBJECT;
        String content = msgtype.equals("text") ? MessageBodies.text(body) : body.toString();
        Set<String> visible = visibleMembers();
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        String touser = request.text("touser");
        for (String user : (touser == null ? "" : touser).split("\\|")) {
            String userid = user.trim().toLowerCase(Locale.ROOT);
            if (userid.isEmpty()) {
                continue;
            }
            if (userid.equals("@all")) {
                valid.addAll(visible);
            } else if (visible.contains(userid)) {
                valid.add(userid);
            } else {
                invalid.add(userid);
            }
        }
        if (valid.isEmpty()) {
            throw new ApiError(ApiError.ALL_RECIPIENTS_INVALID, "all touser/toparty/totag invalid");
        }
        JsonObjectBuilder answer = Json.createObjectBuilder();
        if (!invalid.isEmpty()) {
            answer.add("invaliduser", String.join("|", invalid));
        }
        if (duplicate(request)) {
            return answer.add("msgid", CorpState.randomAlphanumeric(40)).build();
        }
        state.staffNotifications.add(new StaffNotification(List.copyOf(valid), (int) agentId, msgtype, content,
                state.now()));
        return answer.add("msgid", CorpState.randomAlphanumeric(40)).build();
    }

    /** True when the duplicate check is on and the same request went out within its window; else remembers it. */
    private boolean duplicate(ApiRequest request) {
        if (request.number("enable_duplicate_check", 0) != 1) {
            return false;
        }
        long seconds = request.number("duplicate_check_interval", DEFAULT_DUPLICATE_WINDOW.toSeconds());
        Duration window = Duration.ofSeconds(Math.min(Math.max(seconds, 0), LONGEST_DUPLICATE_WINDOW.toSeconds()));
        String key = request.body().toString();
        Instant last = checked.get(key);
        if (last != null && state.now().isBefore(last.plus(window))) {
            return true;
        }
        checked.put(key, state.now());
        return false;
    }

    private Set<String> visibleMembers() {
        Set<String> members = new LinkedHashSet<>();
        state.accounts.values().forEach(account -> account.servicers.keySet()
                .forEach(userid -> members.add(userid.toLowerCase(Locale.ROOT))));
        state.members.forEach(userid -> members.add(userid.toLowerCase(Locale.ROOT)));
        return members;
    }
}
