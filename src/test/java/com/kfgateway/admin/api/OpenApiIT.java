package com.kfgateway.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kfgateway.it.TestGateway;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /openapi (opened as README says) describes the admin API as it is: every resource method and nothing else, the
 * staff login as its security scheme, and schemas that the real answers fit, field by field.
 */
@ExtendWith(TestGateway.Extension.class)
class OpenApiIT {

    private static final List<Class<?>> RESOURCES = List.of(KnowledgeResource.class, ConversationsResource.class,
            SendLogResource.class,
            DiagnosticsResource.class);
    private static JsonObject document;
    private final TestGateway gateway = TestGateway.get();

    @BeforeAll
    static void read() throws Exception {
        HttpResponse<String> response = TestGateway.get().http().send(HttpRequest.newBuilder(TestGateway.get()
                .uri("/openapi")).header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        document = Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void everyResourceMethodIsDescribedAndNothingElse() {
        Set<String> described = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, operations) -> operations.asJsonObject().keySet().stream()
                .filter(Set.of("get", "post", "put", "delete", "patch")::contains)
                .forEach(verb -> described.add(verb + " " + path)));
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "get"
                        : method.isAnnotationPresent(POST.class) ? "post"
                        : method.isAnnotationPresent(PUT.class) ? "put" : null;
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    served.add(verb + " " + base + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        assertEquals(served, described);
    }

    @Test
    void theStaffLoginIsTheSecuritySchemeOfEveryOperation() {
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("staffLogin");
        assertEquals("http", scheme.getString("type"));
        assertEquals("basic", scheme.getString("scheme"));
        assertEquals("staffLogin", document.getJsonArray("security").getJsonObject(0).keySet().iterator().next());
    }

    @Test
    void realAnswersFitTheirSchemas() throws Exception {
        String customer = TestGateway.newCustomer();
        gateway.wecom().customerSendsText(TestGateway.ACCOUNT, customer, "你好");
        TestGateway.await("the answer", Duration.ofSeconds(30),
                () -> !gateway.wecom().delivered(TestGateway.ACCOUNT, customer).isEmpty());

        fits("/admin/conversations", "get", api("/api/admin/conversations?limit=20"));
        JsonObject sends = fits("/admin/send-log", "get", api("/api/admin/send-log?limit=5"));
        long id = sends.getJsonArray("items").getJsonObject(0).getJsonNumber("conversationId").longValue();
        JsonObject history = fits("/admin/conversations/{id}/messages", "get",
                api("/api/admin/conversations/" + id + "/messages"));
        assertTrue(history.getJsonArray("items").stream().anyMatch(i -> i.asJsonObject().containsKey("send")),
                "the history has a send of ours with its attempts: " + history);
        fits("/admin/diagnostics", "get", api("/api/admin/diagnostics"));
        fits("/admin/knowledge/search", "get", api("/api/admin/knowledge/search?account=" + TestGateway.ACCOUNT
                + "&q=" + java.net.URLEncoder.encode("退款多久到账", java.nio.charset.StandardCharsets.UTF_8)));
    }

    private JsonObject fits(String path, String verb, JsonObject answer) {
        JsonObject schema = document.getJsonObject("paths").getJsonObject(path).getJsonObject(verb)
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema");
        List<String> problems = new ArrayList<>();
        check(answer, schema, verb + " " + path, problems);
        assertEquals(List.of(), problems, answer.toString());
        return answer;
    }

    /** The parts of OpenAPI 3.0's schema objects this document uses; anything else counts as a problem. */
    private void check(JsonValue value, JsonObject schema, String where, List<String> problems) {
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            check(value, document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name), where,
                    problems);
            return;
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (!schema.getBoolean("nullable", false)) {
                problems.add(where + " is null, and may not be");
            }
            return;
        }
        if (schema.containsKey("allOf")) {
            schema.getJsonArray("allOf").forEach(part -> check(value, part.asJsonObject(), where, problems));
            return;
        }
        String type = schema.getString("type", "");
        switch (type) {
            case "object" -> {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    problems.add(where + " is not an object");
                    return;
                }
                JsonObject object = value.asJsonObject();
                JsonObject properties = schema.getJsonObject("properties");
                schema.getJsonArray("required").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .filter(name -> !object.containsKey(name)).forEach(name -> problems.add(where + "." + name
                                + " is required and missing"));
                object.forEach((name, field) -> {
                    if (!properties.containsKey(name)) {
                        problems.add(where + "." + name + " is not described");
                    } else {
                        check(field, properties.getJsonObject(name), where + "." + name, problems);
                    }
                });
            }
            case "array" -> {
                if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                    problems.add(where + " is not an array");
                    return;
                }
                var items = value.asJsonArray();
                for (int i = 0; i < items.size(); i++) {
                    check(items.get(i), schema.getJsonObject("items"), where + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (value.getValueType() != JsonValue.ValueType.STRING) {
                    problems.add(where + " is not a string");
                } else if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
                    problems.add(where + " = " + value + " is none of " + schema.getJsonArray("enum"));
                }
            }
            case "integer" -> {
                if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
                    problems.add(where + " is not an integer");
                }
            }
            case "number" -> {
                if (value.getValueType() != JsonValue.ValueType.NUMBER) {
                    problems.add(where + " is not a number");
                }
            }
            case "boolean" -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    problems.add(where + " is not a boolean");
                }
            }
            default -> problems.add(where + ": the schema's type '" + type + "' is not one this test reads");
        }
    }

    private JsonObject api(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((TestGateway.ADMIN_USER + ":" + TestGateway.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = gateway.http().send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
