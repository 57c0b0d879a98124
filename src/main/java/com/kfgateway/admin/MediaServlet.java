package com.kfgateway.admin;

import com.kfgateway.conversation.entity.MediaBlob;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Serves a stored customer image to logged-in staff ({@code /admin/media/<message id>}, behind the console's login
 * like every {@code /admin/*} URL). Only raster image types are served inline; anything else is a download, so an
 * uploaded SVG or HTML file can never run script in the console's origin.
 */
@WebServlet("/admin/media/*")
public class MediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp");

    @PersistenceContext(unitName = "kf-gateway")
    EntityManager em;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long messageId = idOf(request.getPathInfo());
        MediaBlob blob = messageId == null ? null : em.find(MediaBlob.class, messageId);
        if (blob == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = blob.getContentType() == null ? "" : blob.getContentType().toLowerCase().trim();
        boolean inline = INLINE.contains(type);
        response.setContentType(inline ? type : "application/octet-stream");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        // A customer's photo on a shared office PC is no different from their words: not kept after logout.
        response.setHeader("Cache-Control", "no-store");
        if (!inline) {
            response.setHeader("Content-Disposition", "attachment; filename=\"media-" + messageId + "\"");
        }
        response.setContentLength(blob.getBytes().length);
        response.getOutputStream().write(blob.getBytes());
    }

    static Long idOf(String pathInfo) {
        if (pathInfo == null || !pathInfo.matches("/\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(pathInfo.substring(1));
    }
}
