package com.kfgateway.admin.api;

import com.kfgateway.admin.control.SendLogFilter;
import com.kfgateway.admin.control.SendLogSearch;
import com.kfgateway.admin.control.StaffActions;
import com.kfgateway.delivery.entity.SendOutcome;
import com.kfgateway.delivery.entity.SendStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/admin/send-log}: parts filtered by status and errcode (newest first, {@code before} = the last id
 * seen), and an honest resend: 200 with the new status when it went out (or is queued for a retry), 409 with the
 * reason when the pipeline refused it.
 */
@Path("admin/send-log")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SendLogResource {

    @Inject
    SendLogSearch search;

    @Inject
    StaffActions actions;

    @GET
    public JsonObject list(@QueryParam("status") String status, @QueryParam("errcode") Integer errcode,
            @QueryParam("conversation") Long conversationId, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        var page = search.page(new SendLogFilter(status(status), errcode, conversationId, before, limit));
        return AdminJson.page(page, s -> AdminJson.send(s, null));
    }

    @POST
    @Path("{id}/resend")
    public Response resend(@PathParam("id") long id) {
        if (search.find(id) == null) {
            return Response.status(Response.Status.NOT_FOUND).entity(AdminJson.error("no send log entry " + id))
                    .build();
        }
        SendOutcome outcome = actions.resend(id);
        return Response.status(outcome.accepted() ? Response.Status.OK : Response.Status.CONFLICT)
                .entity(AdminJson.outcome(outcome)).build();
    }

    private static SendStatus status(String value) {
        try {
            return value == null || value.isBlank() ? null : SendStatus.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown status " + value);
        }
    }
}
