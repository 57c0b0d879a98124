package com.kfgateway.wecom.control;

import com.kfgateway.http.Jsons;
import com.kfgateway.wecom.entity.Customer;
import com.kfgateway.wecom.entity.KfAccount;
import com.kfgateway.wecom.entity.MediaFile;
import com.kfgateway.wecom.entity.Servicer;
import com.kfgateway.wecom.entity.SessionState;
import com.kfgateway.wecom.entity.SyncPage;
import com.kfgateway.wecom.entity.WeComReply;
import static com.kfgateway.wecom.control.WeComReplies.customer;
import static com.kfgateway.wecom.control.WeComReplies.failed;
import static com.kfgateway.wecom.control.WeComReplies.hasMore;
import static com.kfgateway.wecom.control.WeComReplies.objects;
import static com.kfgateway.wecom.control.WeComReplies.outcome;
import static com.kfgateway.wecom.control.WeComReplies.putIfPresent;
import static com.kfgateway.wecom.control.WeComReplies.reply;
import static com.kfgateway.wecom.control.WeComReplies.text;
import static com.kfgateway.wecom.control.WeComReplies.truncateUtf8;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WeCom server API as this gateway uses it, in our types: every call answers a {@link WeComReply} and never
 * throws for WeCom's sake (no connection, no token, not configured are outcomes). WeCom's JSON is built and read
 * here and in {@link ItemReader}, nowhere else. Tokens and the documented retries are {@link WeComCalls}'.
 */
@ApplicationScoped
public class WeComClient {

    /** WeCom's limit for a text message's content, in UTF-8 bytes. */
    static final int TEXT_MAX_BYTES = 2048;
    /** message/send's duplicate window: WeCom's default, and far longer than a restart. */
    static final int DUPLICATE_CHECK_SECONDS = 1800;
    private static final int ACCOUNT_PAGE = 100;
    private static final int MAX_ACCOUNT_PAGES = 100;

    @Inject
    WeComCalls calls;

    @Inject
    WeComConfig config;

    /** Empty or null cursor, sync token and account are left out of the request (they are optional). */
    public WeComReply<SyncPage> syncMsg(String cursor, String syncToken, String openKfid, int limit) {
        JsonObjectBuilder request = Jsons.object();
        putIfPresent(request, "cursor", cursor);
        putIfPresent(request, "token", syncToken);
        putIfPresent(request, "open_kfid", openKfid);
        if (limit > 0) {
            request.add("limit", limit);
        }
        Instant now = Instant.now();
        return reply(() -> calls.post(Credential.KF, "kf/sync_msg", request.build()),
                answer -> new SyncPage(answer.string("next_cursor"), hasMore(answer.body().get("has_more")),
                        objects(answer.body().get("msg_list")).stream().map(item -> ItemReader.read(item, now))
                                .toList()));
    }

    /** A text part with our own msgid, which WeCom keeps unique per account (the idempotency key of every retry). */
    public WeComReply<Void> sendText(String openKfid, String externalUserid, String msgid, String content) {
        return send("kf/send_msg", Jsons.object().add("touser", externalUserid).add("open_kfid", openKfid)
                .add("msgid", msgid).add("msgtype", "text").add("text", text(content)).build());
    }

    /** An image, voice, video or file uploaded before with media/upload. */
    public WeComReply<Void> sendMedia(String openKfid, String externalUserid, String msgid, String msgtype,
            String mediaId) {
        return send("kf/send_msg", Jsons.object().add("touser", externalUserid).add("open_kfid", openKfid)
                .add("msgid", msgid).add("msgtype", msgtype)
                .add(msgtype, Jsons.object().add("media_id", mediaId)).build());
    }

    /** A text on a single-use event code: welcome (20 s), queue notice or closing message. */
    public WeComReply<Void> sendTextOnEvent(String code, String msgid, String content) {
        return send("kf/send_msg_on_event", Jsons.object().add("code", code).add("msgid", msgid)
                .add("msgtype", "text").add("text", text(content)).build());
    }

    public WeComReply<SessionState> serviceState(String openKfid, String externalUserid) {
        return reply(() -> calls.post(Credential.KF, "kf/service_state/get", customer(openKfid, externalUserid)
                .build()), answer -> answer.body().get("service_state") instanceof JsonNumber state
                        ? new SessionState(state.intValue(), state.intValue() == 3 ? answer.string("servicer_userid")
                                : null)
                        : null);
    }

    /**
     * Moves the session; {@code servicerUserid} is required by WeCom only for state 3 (人工接待), null leaves it out.
     * The value is the msg_code WeCom returns for a notice (first move to 2 or 3, or an end), or null.
     */
    public WeComReply<String> transferSession(String openKfid, String externalUserid, int state,
            String servicerUserid) {
        JsonObjectBuilder request = customer(openKfid, externalUserid).add("service_state", state);
        putIfPresent(request, "servicer_userid", servicerUserid);
        return reply(() -> calls.post(Credential.KF, "kf/service_state/trans", request.build()),
                answer -> answer.string("msg_code"));
    }

    public WeComReply<List<Servicer>> servicers(String openKfid) {
        return reply(() -> calls.get(Credential.KF, "kf/servicer/list", Map.of("open_kfid", openKfid)),
                answer -> objects(answer.body().get("servicer_list")).stream().filter(s -> s.containsKey("userid"))
                        .map(s -> new Servicer(s.getString("userid", "?"), Integer.valueOf(0).equals(
                                ItemReader.integer(s, "status"))))
                        .toList());
    }

    /** At most 100 ids per call, as WeCom allows; the enter-session context is not requested. */
    public WeComReply<List<Customer>> customers(List<String> externalUserids) {
        if (externalUserids.isEmpty() || externalUserids.size() > 100) {
            throw new IllegalArgumentException(
                    "kf/customer/batchget takes 1 to 100 ids, not " + externalUserids.size());
        }
        return reply(() -> calls.post(Credential.KF, "kf/customer/batchget", Jsons.object()
                .add("external_userid_list", Jsons.array(externalUserids))
                .add("need_enter_session_context", 0).build()),
                answer -> objects(answer.body().get("customer_list")).stream()
                        .map(c -> new Customer(c.getString("external_userid", ""), c.getString("nickname", null)))
                        .toList());
    }

    /** A text to staff through the self-built app; {@code toUser} may list several userids joined by "|". */
    public WeComReply<Void> notifyStaff(String toUser, String text) {
        Integer agentId = config.agentId();
        if (agentId == null) {
            return WeComReply.notConfigured(new CredentialNotConfiguredException(Credential.APP, "WECOM_AGENT_ID")
                    .getMessage());
        }
        // A notification repeated after a crash (the first went out, its answer was lost) is the same JSON: WeCom's
        // duplicate check drops it within half an hour instead of telling staff twice.
        JsonObject request = Jsons.object().add("touser", toUser).add("msgtype", "text")
                .add("agentid", agentId).add("text", text(truncateUtf8(text, TEXT_MAX_BYTES)))
                .add("enable_duplicate_check", 1).add("duplicate_check_interval", DUPLICATE_CHECK_SECONDS).build();
        return reply(() -> calls.post(Credential.APP, "message/send", request), answer -> null);
    }

    /** Every KF account, page by page; a failing page fails the whole list. */
    public WeComReply<List<KfAccount>> accounts() {
        List<KfAccount> accounts = new ArrayList<>();
        for (int page = 0; page < MAX_ACCOUNT_PAGES; page++) {
            int offset = page * ACCOUNT_PAGE;
            WeComReply<List<KfAccount>> one = reply(() -> calls.post(Credential.KF, "kf/account/list",
                    Jsons.object().add("offset", offset).add("limit", ACCOUNT_PAGE).build()),
                    answer -> objects(answer.body().get("account_list")).stream()
                            .map(a -> new KfAccount(a.getString("open_kfid", "?"), a.getString("name", "?"),
                                    a.getBoolean("manage_privilege", false)))
                            .toList());
            if (!one.ok()) {
                return one;
            }
            accounts.addAll(one.value());
            if (one.value().size() < ACCOUNT_PAGE) {
                break;
            }
        }
        return WeComReply.ok(List.copyOf(accounts));
    }

    /** A customer's media by media_id (valid 3 days); WeCom's JSON error when it has expired. */
    public WeComReply<MediaFile> media(String mediaId) {
        return outcome(() -> {
            MediaDownload download = calls.download(Credential.KF, "media/get", Map.of("media_id", mediaId));
            return download.ok() ? WeComReply.ok(new MediaFile(download.bytes(), download.contentType(),
                    download.fileName())) : failed(download.error());
        });
    }

    private WeComReply<Void> send(String path, JsonObject body) {
        return reply(() -> calls.post(Credential.KF, path, body), answer -> null);
    }

}
