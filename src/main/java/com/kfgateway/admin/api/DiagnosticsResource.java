package com.kfgateway.admin.api;

import com.kfgateway.admin.control.StaffActions;
import com.kfgateway.doctor.boundary.SetupDoctor;
import com.kfgateway.doctor.entity.Diagnosis;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * {@code /api/admin/diagnostics} (admins only): the setup doctor's result with both fingerprints,
 * {@code identicalSecrets} and every check; {@code lang=zh} for Chinese. GET only reads the latest result (it runs
 * the checks once if there is none, respecting any gettoken pause). Running them now is
 * {@code POST /api/admin/diagnostics/refresh}: it may retry a paused credential, so it is a staff action, audited
 * and protected against cross-site requests like every other one.
 */
@Path("admin/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DiagnosticsResource {

    @Inject
    SetupDoctor doctor;

    @Inject
    StaffActions actions;

    @GET
    public JsonObject diagnostics(@QueryParam("refresh") boolean refresh, @QueryParam("lang") String lang) {
        if (refresh) {
            // The old side-effecting GET: say where it went instead of silently ignoring it.
            throw new BadRequestException("refresh is POST /api/admin/diagnostics/refresh; GET only reads");
        }
        Diagnosis diagnosis = doctor.latest() != null ? doctor.latest() : doctor.examine(false);
        return AdminJson.diagnosis(diagnosis, locale(lang));
    }

    @POST
    @Path("refresh")
    public JsonObject refresh(@QueryParam("lang") String lang) {
        return AdminJson.diagnosis(actions.runChecks(), locale(lang));
    }

    private static Locale locale(String lang) {
        return "zh".equals(lang) ? Locale.CHINESE : Locale.ENGLISH;
    }
}
