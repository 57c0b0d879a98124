package com.kfgateway.admin.api;

import com.kfgateway.doctor.boundary.SetupDoctor;
import com.kfgateway.doctor.entity.Diagnosis;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * {@code /api/admin/diagnostics} (admins only): the setup doctor's result with both fingerprints,
 * {@code identicalSecrets} and every check. {@code refresh=true} runs the checks now; {@code lang=zh} for Chinese.
 */
@Path("admin/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DiagnosticsResource {

    @Inject
    SetupDoctor doctor;

    @GET
    public JsonObject diagnostics(@QueryParam("refresh") boolean refresh, @QueryParam("lang") String lang) {
        Diagnosis diagnosis = refresh || doctor.latest() == null ? doctor.examine(refresh) : doctor.latest();
        return AdminJson.diagnosis(diagnosis, "zh".equals(lang) ? Locale.CHINESE : Locale.ENGLISH);
    }
}
