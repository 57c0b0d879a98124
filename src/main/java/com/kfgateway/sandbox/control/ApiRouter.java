package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.ApiCall;
import com.kfgateway.sandbox.entity.SimulatorResponse;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers one API call: the 404 for an unknown API, the body's JSON, the interceptor around the token and IP checks
 * and the endpoint, and the call record. Every errcode an endpoint throws is raised before it changes anything.
 * Not thread-safe: the simulator's lock guards it.
 */
final class ApiRouter {

    private static final Set<String> GET_APIS = Set.of("gettoken", "kf/servicer/list", "media/get");

    private final CorpState state;
    private final TokenDesk tokens;
    private final MediaEndpoint media;
    private final Map<String, Function<ApiRequest, JsonObject>> endpoints;
    private final List<ApiCall> calls = new ArrayList<>();

    ApiRouter(CorpState state, TokenDesk tokens) {
        this.state = state;
        this.tokens = tokens;
        this.media = new MediaEndpoint(state);
        AccountEndpoints accounts = new AccountEndpoints(state);
        SessionEndpoints sessions = new SessionEndpoints(state);
        SendEndpoints send = new SendEndpoints(state);
        StaffMessageEndpoint staff = new StaffMessageEndpoint(state);
        SyncEndpoint sync = new SyncEndpoint(state);
        this.endpoints = Map.of(
                "kf/account/list", accounts::listAccounts,
                "kf/servicer/list", accounts::listServicers,
                "kf/customer/batchget", accounts::batchGetCustomers,
                "kf/service_state/get", sessions::get,
                "kf/service_state/trans", sessions::trans,
                "kf/sync_msg", sync::sync,
                "kf/send_msg", send::sendMsg,
                "kf/send_msg_on_event", send::sendMsgOnEvent,
                "message/send", staff::send);
    }

    SimulatorResponse handle(String method, String api, Map<String, String> query, String body, String callerIp,
            CallInterceptor interceptor) {
        boolean post = "POST".equalsIgnoreCase(method);
        String credential = tokens.kindOfToken(query.get("access_token"));
        String requestJson = post ? body : null;
        String syncToken = api.equals("kf/sync_msg") ? syncTokenOf(body) : null;
        SimulatorResponse response;
        int errcode = 0;
        if (!api.equals("gettoken") && !api.equals("media/get") && !endpoints.containsKey(api)) {
            response = new SimulatorResponse(404, "text/plain; charset=UTF-8",
                    "not found".getBytes(StandardCharsets.UTF_8));
        } else {
            try {
                ApiRequest call = new ApiRequest(method, api, query, post ? parse(body) : JsonObject.EMPTY_JSON_OBJECT,
                        null, callerIp);
                response = interceptor.around(call, () -> route(call));
            } catch (ApiError e) {
                errcode = e.errcode();
                response = e.answer();
            }
        }
        calls.add(new ApiCall(state.now(), method, api, credential, syncToken, response.httpStatus(), errcode,
                requestJson));
        return response;
    }

    List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    private SimulatorResponse route(ApiRequest call) {
        String api = call.api();
        boolean wantsGet = GET_APIS.contains(api);
        if (wantsGet != "GET".equalsIgnoreCase(call.method())) {
            throw wantsGet ? new ApiError(ApiError.GET_REQUIRED, "require GET method")
                    : new ApiError(ApiError.POST_REQUIRED, "require POST method");
        }
        if (api.equals("gettoken")) {
            return ok(tokens.getToken(call));
        }
        IssuedToken token = tokens.authenticate(call.query());
        if (state.untrustedIp) {
            // WeCom's own wording, with the address it saw: what the admin must add to the trusted IPs.
            throw new ApiError(ApiError.UNTRUSTED_IP, "not allow to access from your ip, hint: [" + state.now()
                    .getEpochSecond() + "-sandbox], from ip: " + call.callerIp()
                    + ", more info at https://open.work.weixin.qq.com/devtool/query?e=60020");
        }
        if (api.startsWith("kf/") && !token.mayCallKf()) {
            throw new ApiError(ApiError.NO_API_PERMISSION, "api forbidden");
        }
        ApiRequest request = new ApiRequest(call.method(), api, call.query(), call.body(), token, call.callerIp());
        if (api.equals("media/get")) {
            return media.get(request);
        }
        return ok(endpoints.get(api).apply(request));
    }

    private static SimulatorResponse ok(JsonObject fields) {
        JsonObjectBuilder answer = Json.createObjectBuilder().add("errcode", 0).add("errmsg", "ok");
        fields.forEach(answer::add);
        return SimulatorResponse.json(answer.build().toString());
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ApiError(ApiError.BAD_JSON, "data format error");
        }
    }

    private static String syncTokenOf(String body) {
        try {
            return parse(body).get("token") instanceof JsonString token ? token.getString() : null;
        } catch (ApiError e) {
            return null;
        }
    }
}
