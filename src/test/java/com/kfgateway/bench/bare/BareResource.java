package com.kfgateway.bench.bare;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * The floor the product's callback ack is compared with: reads the body and answers 200 empty, nothing else. A CDI
 * request-scoped resource like WeComCallbackResource, so the comparison is the product's work, not the container's.
 */
@Path("bare")
@RequestScoped
public class BareResource {

    @POST
    public Response receive(InputStream body) throws IOException {
        body.readAllBytes();
        return Response.ok().build();
    }
}
