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
 * Answers one API call: HTTP-status faults, errcode faults, the token and IP checks, the endpoint, faults after the
 * effect, and the call record. Order matters: a fault injected "before" has no effect; every errcode an endpoint
 * throws is raised before it changes anything. Not thread-safe: the simulator's lock guards it.
 */
final class ApiRouter {

    private static final Set<String> GET_APIS = Set.of("gettoken", "kf/servicer/list", "media/get");

    private final CorpState state;
    private final TokenDesk tokens;
    private final FaultPlan faults;
    private final MediaEndpoint media;
    private final Map<String, Function<ApiRequest, JsonObject>> endpoints;
    private final List<ApiCall> calls = new ArrayList<>();

    ApiRouter(CorpState state, TokenDesk tokens, FaultPlan faults, SyncEndpoint sync) {
        this.state = state;
        this.tokens = tokens;
        this.faults = faults;
        this.media = new MediaEndpoint(state);
        AccountEndpoints accounts = new AccountEndpoints(state);
        SessionEndpoints sessions = new SessionEndpoints(state);
        SendEndpoints send = new SendEndpoints(state);
        StaffMessageEndpoint staff = new StaffMessageEndpoint(state);
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

    SimulatorResponse handle(String method, String api, Map<String, String> query, String body) {
        boolean post = "POST".equalsIgnoreCase(method);
        String credential = tokens.kindOfToken(query.get("access_token"));
        String requestJson = post ? body : null;
        String syncToken = api.equals("kf/sync_msg") ? syncTokenOf(body) : null;
        Integer status = faults.takeHttpStatus(api);
        if (status != null) {
            calls.add(new ApiCall(state.now(), method, api, credential, syncToken, status, 0, requestJson));
            return new SimulatorResponse(status, "text/html; charset=UTF-8",
                    ("<html><body>" + status + "</body></html>").getBytes(StandardCharsets.UTF_8));
        }
        if (!api.equals("gettoken") && !api.equals("media/get") && !endpoints.containsKey(api)) {
            calls.add(new ApiCall(state.now(), method, api, credential, syncToken, 404, 0, requestJson));
            return new SimulatorResponse(404, "text/plain; charset=UTF-8",
                    "not found".getBytes(StandardCharsets.UTF_8));
        }
        SimulatorResponse response;
        int errcode = 0;
        try {
            JsonObject json = post ? parse(body) : JsonObject.EMPTY_JSON_OBJECT;
            Integer injected = faults.takeErrorBeforeEffect(api, customerOf(json));
            if (injected != null) {
                throw new ApiError(injected, injected == ApiError.SYSTEM_BUSY ? "system busy" : "injected fault");
            }
            response = route(method, api, query, json);
            Integer afterEffect = faults.takeErrorAfterEffect(api);
            if (afterEffect != null) {
                throw new ApiError(afterEffect, "injected fault after the effect");
            }
        } catch (ApiError e) {
            errcode = e.errcode();
            response = SimulatorResponse.json(Json.createObjectBuilder()
                    .add("errcode", e.errcode()).add("errmsg", e.errmsg() + ", hint: [simulated]").build().toString());
        }
        calls.add(new ApiCall(state.now(), method, api, credential, syncToken, response.httpStatus(), errcode,
                requestJson));
        return response;
    }

    /** The customer a call is about (send_msg's touser, service_state's external_userid), if any. */
    private static String customerOf(JsonObject body) {
        String touser = body.getString("touser", null);
        return touser != null ? touser : body.getString("external_userid", null);
    }

    List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    private SimulatorResponse route(String method, String api, Map<String, String> query, JsonObject body) {
        boolean wantsGet = GET_APIS.contains(api);
        if (wantsGet != "GET".equalsIgnoreCase(method)) {
            throw wantsGet ? new ApiError(ApiError.GET_REQUIRED, "require GET method")
                    : new ApiError(ApiError.POST_REQUIRED, "require POST method");
        }
        if (api.equals("gettoken")) {
            return ok(tokens.getToken(new ApiRequest(method, api, query, body, null)));
        }
        IssuedToken token = tokens.authenticate(query);
        if (state.untrustedIp) {
            throw new ApiError(ApiError.UNTRUSTED_IP, "not allow to access from your ip");
        }
        if (api.startsWith("kf/") && !token.mayCallKf()) {
            throw new ApiError(ApiError.NO_API_PERMISSION, "api forbidden");
        }
        ApiRequest request = new ApiRequest(method, api, query, body, token);
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
