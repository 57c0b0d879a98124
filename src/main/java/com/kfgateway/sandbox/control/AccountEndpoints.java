package com.kfgateway.sandbox.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** kf/account/list, kf/servicer/list and kf/customer/batchget: what the product reads about the corp. */
final class AccountEndpoints {

    private static final String AVATAR = "https://wework.qpic.cn/wwhead/simulated/0";
    private static final Duration ENTER_CONTEXT_VALIDITY = Duration.ofHours(48);

    private final CorpState state;

    AccountEndpoints(CorpState state) {
        this.state = state;
    }

    JsonObject listAccounts(ApiRequest request) {
        long offset = request.number("offset", 0);
        long limit = request.number("limit", 100);
        if (offset < 0 || limit < 1 || limit > 100) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "invalid offset or limit");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        state.accounts.values().stream().skip(offset).limit(limit).forEach(account -> list.add(
                Json.createObjectBuilder()
                        .add("open_kfid", account.openKfid)
                        .add("name", account.name)
                        .add("avatar", AVATAR)
                        .add("manage_privilege", account.managePrivilege && !state.kfSecretWithoutKfRights)));
        return Json.createObjectBuilder().add("account_list", list).build();
    }

    JsonObject listServicers(ApiRequest request) {
        Account account = state.account(request.query().get("open_kfid"));
        JsonArrayBuilder list = Json.createArrayBuilder();
        account.servicers.forEach((userid, receiving) -> list.add(Json.createObjectBuilder()
                .add("userid", userid)
                .add("status", receiving ? 0 : 1)
                .add("stop_type", 0)));
        return Json.createObjectBuilder().add("servicer_list", list).build();
    }

    JsonObject batchGetCustomers(ApiRequest request) {
        JsonValue ids = request.body().get("external_userid_list");
        if (!(ids instanceof JsonArray array) || array.isEmpty() || array.size() > 100) {
            throw new ApiError(ApiError.INVALID_PARAMETER, "external_userid_list must hold 1 to 100 ids");
        }
        boolean withContext = request.number("need_enter_session_context", 0) == 1;
        JsonArrayBuilder customers = Json.createArrayBuilder();
        JsonArrayBuilder invalid = Json.createArrayBuilder();
        for (JsonValue value : array) {
            String id = value instanceof JsonString s ? s.getString() : value.toString();
            String nickname = state.customers.get(id);
            if (nickname == null) {
                invalid.add(id);
                continue;
            }
            JsonObjectBuilder customer = Json.createObjectBuilder()
                    .add("external_userid", id)
                    .add("nickname", nickname)
                    .add("avatar", AVATAR)
                    .add("gender", 0)
                    .add("unionid", "");
            if (withContext) {
                JsonObject context = lastEnterContext(id);
                if (context != null) {
                    customer.add("enter_session_context", context);
                }
            }
            customers.add(customer);
        }
        return Json.createObjectBuilder()
                .add("customer_list", customers)
                .add("invalid_external_userid", invalid)
                .build();
    }

    /** The customer's latest enter_session within 48 h, over all accounts. */
    private JsonObject lastEnterContext(String externalUserid) {
        List<Session> entered = new ArrayList<>();
        state.accounts.keySet().forEach(openKfid -> {
            Session session = state.sessions.get(openKfid + "\n" + externalUserid);
            if (session != null && session.enteredAt != null
                    && session.enteredAt.plus(ENTER_CONTEXT_VALIDITY).isAfter(state.now())) {
                entered.add(session);
            }
        });
        return entered.stream().max((a, b) -> a.enteredAt.compareTo(b.enteredAt))
                .map(session -> Json.createObjectBuilder()
                        .add("scene", nullToEmpty(session.enterScene))
                        .add("scene_param", nullToEmpty(session.enterSceneParam))
                        .add("wechat_channels", Json.createObjectBuilder().add("nickname", "").add("scene", 0))
                        .build())
                .orElse(null);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
