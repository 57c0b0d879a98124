package com.kfgateway.admin.api;

import com.kfgateway.admin.control.ConversationFilter;
import com.kfgateway.admin.control.ConversationHistory;
import com.kfgateway.admin.control.ConversationSearch;
import com.kfgateway.admin.control.KeysetCursor;
import com.kfgateway.conversation.entity.Conversation;
import com.kfgateway.conversation.entity.ServiceState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code /api/admin/conversations}: the inbox with the console's filters as query parameters (account, state,
 * failed, from, to as yyyy-MM-dd, q, order=newest|oldest, after/before keyset tokens, limit), and one conversation's
 * history. HTTP Basic, roles admin and agent (web.xml).
 */
@Path("admin/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ConversationsResource {

    @Inject
    ConversationSearch search;

    @Inject
    ConversationHistory history;

    @GET
    public JsonObject list(@QueryParam("account") String account, @QueryParam("state") String state,
            @QueryParam("failed") boolean failed, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String q, @QueryParam("order") String order, @QueryParam("after") String after,
            @QueryParam("before") String before, @QueryParam("limit") @DefaultValue("50") int limit) {
        KeysetCursor cursor = KeysetCursor.decode(before != null ? before : after).orElse(null);
        ConversationFilter filter = new ConversationFilter(account, state(state), failed, day(from, 0), day(to, 1), q,
                "oldest".equalsIgnoreCase(order) ? ConversationFilter.Order.OLDEST : ConversationFilter.Order.NEWEST,
                cursor, before != null && cursor != null, limit);
        return AdminJson.page(search.page(filter), AdminJson::conversation);
    }

    @GET
    @Path("{id}/messages")
    public JsonObject messages(@PathParam("id") long id) {
        Conversation conversation = search.find(id);
        if (conversation == null) {
            throw new NotFoundException();
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        history.of(id).forEach(item -> items.add(AdminJson.timelineItem(item)));
        return Json.createObjectBuilder().add("conversation", AdminJson.conversation(conversation))
                .add("items", items).build();
    }

    private static ServiceState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.chars().allMatch(Character::isDigit) ? ServiceState.of(Integer.parseInt(value))
                    : ServiceState.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException("unknown state " + value);
        }
    }

    private static Instant day(String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new jakarta.ws.rs.BadRequestException("dates are yyyy-MM-dd");
        }
    }
}
