package com.kfgateway.admin.api;

import com.kfgateway.admin.control.StaffActions;
import com.kfgateway.knowledge.boundary.KnowledgeBase;
import com.kfgateway.knowledge.entity.KnowledgeHit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /api/admin/knowledge}: a KF account's knowledge base from outside. {@code GET search} ranks its entries
 * for a question with their source ids and scores, and says whether the best one would answer by itself, so anyone
 * can check retrieval; {@code PUT documents} adds an FAQ file (Markdown, "## F01 title" with 问：/答： lines) or
 * replaces the one of the same name, audited.
 */
@Path("admin/knowledge")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class KnowledgeResource {

    private static final int MAX_HITS = 20;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    StaffActions actions;

    @GET
    @Path("search")
    public JsonObject search(@QueryParam("account") String account, @QueryParam("q") String question,
            @QueryParam("limit") Integer limit) {
        String openKfid = required("account", account);
        String text = required("q", question);
        int n = limit == null ? 5 : limit;
        if (n < 1 || n > MAX_HITS) {
            throw new BadRequestException("limit is 1 to " + MAX_HITS);
        }
        List<KnowledgeHit> hits = knowledge.search(openKfid, text, n);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (KnowledgeHit hit : hits) {
            items.add(Json.createObjectBuilder().add("sourceId", hit.entry().sourceId())
                    .add("title", hit.entry().title()).add("score", hit.score()).add("coverage", hit.coverage())
                    .add("answer", hit.entry().answer()));
        }
        var answering = knowledge.confidentAnswer(openKfid, text);
        var json = Json.createObjectBuilder().add("account", openKfid).add("q", text).add("hits", items);
        if (answering.isPresent()) {
            json.add("answeredBy", answering.get().entry().sourceId());
        } else {
            json.addNull("answeredBy");
        }
        return json.build();
    }

    @PUT
    @Path("documents")
    @Consumes({"text/markdown", MediaType.TEXT_PLAIN})
    public JsonObject putDocument(@QueryParam("account") String account, @QueryParam("name") String name,
            String markdown) {
        String openKfid = required("account", account);
        String documentName = required("name", name);
        try {
            int entries = actions.putFaq(openKfid, documentName, markdown == null ? "" : markdown);
            return Json.createObjectBuilder().add("account", openKfid).add("name", documentName)
                    .add("entries", entries).build();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(parameter + " is required");
        }
        return value.strip();
    }
}
