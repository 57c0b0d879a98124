package com.kfgateway.wecom.boundary;

import com.kfgateway.wecom.control.CallbackCryptoException;
import com.kfgateway.wecom.control.CallbackStats;
import com.kfgateway.wecom.control.CallbackStats.Rejection;
import com.kfgateway.wecom.control.CallbackVerifier;
import com.kfgateway.wecom.control.CallbackXml;
import com.kfgateway.wecom.control.ReplayGuard;
import com.kfgateway.wecom.entity.CallbackEvent;
import com.kfgateway.wecom.entity.KfCallbackReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * WeCom's callback URL. GET answers the URL check with the bare plaintext; POST verifies, decrypts, announces the
 * event and answers 200 with an empty body at once (WeCom retries after 5 s). Every rejection is a 4xx without
 * detail, counted, and logged without secrets. Cheap checks come first: the timestamp and the declared length are
 * judged before a byte of the body is read, and a callback seen before is refused before anyone hears of it.
 * One instance serves every request (it keeps no request state): WeCom's bursts should not pay for a bean each.
 */
@Path("wecom/callback")
@ApplicationScoped
public class WeComCallbackResource {

    /** KF callbacks are a few hundred bytes; the envelope reader's bound is the body's bound. */
    static final int MAX_BODY_BYTES = CallbackXml.MAX_ENVELOPE_BYTES;
    private static final Logger LOG = Logger.getLogger(WeComCallbackResource.class.getName());

    @Inject
    CallbackVerifier verifier;

    @Inject
    CallbackStats stats;

    @Inject
    ReplayGuard replays;

    @Inject
    Event<KfCallbackReceived> received;

    @GET
    public Response verifyUrl(@QueryParam("msg_signature") String signature, @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        if (!verifier.configured()) {
            return reject(Rejection.NOT_CONFIGURED);
        }
        if (anyBlank(signature, timestamp, nonce, echostr)) {
            return reject(Rejection.MISSING_PARAMETERS);
        }
        if (!replays.timely(timestamp)) {
            return reject(Rejection.STALE_TIMESTAMP);
        }
        try {
            String plaintext = verifier.verifyUrl(signature, timestamp, nonce, echostr);
            stats.verifiedGet();
            LOG.info("WeCom URL verification passed");
            return Response.ok(plaintext.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8").build();
        } catch (CallbackCryptoException e) {
            return reject(CallbackStats.rejectionFor(e.error()));
        }
    }

    @POST
    public Response receive(@QueryParam("msg_signature") String signature, @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce, @Context HttpHeaders headers, InputStream body) {
        if (!verifier.configured()) {
            return rejectUnread(Rejection.NOT_CONFIGURED);
        }
        if (anyBlank(signature, timestamp, nonce)) {
            return rejectUnread(Rejection.MISSING_PARAMETERS);
        }
        if (!replays.timely(timestamp)) {
            return rejectUnread(Rejection.STALE_TIMESTAMP);
        }
        if (headers.getLength() > MAX_BODY_BYTES) {
            // Reading first would wait for every byte the sender cares to trickle in.
            return rejectUnread(Rejection.BODY_TOO_LARGE);
        }
        String envelope;
        try {
            envelope = readBounded(body);
        } catch (BodyTooLarge | IOException e) {
            return rejectUnread(Rejection.BODY_TOO_LARGE);
        }
        CallbackEvent event;
        try {
            event = verifier.open(signature, timestamp, nonce, envelope);
        } catch (CallbackCryptoException e) {
            return reject(CallbackStats.rejectionFor(e.error()));
        }
        if (!replays.firstSighting(signature, timestamp, nonce)) {
            return reject(Rejection.REPLAYED);
        }
        announce(event, signature, timestamp, nonce);
        return Response.ok().build();
    }

    /** If no one could take the callback, it is forgotten again, so WeCom's retry of it is not taken for a replay. */
    private void announce(CallbackEvent event, String signature, String timestamp, String nonce) {
        try {
            received.fire(new KfCallbackReceived(event, Instant.now()));
        } catch (RuntimeException e) {
            replays.forget(signature, timestamp, nonce);
            throw e;
        }
        stats.validPost();
    }

    /**
     * A body left unread ends the connection once the answer is out, and a client that is not told so may send its
     * next request down the dying connection and lose it. Saying "close" makes it open a fresh one.
     */
    private Response rejectUnread(Rejection reason) {
        return Response.fromResponse(reject(reason)).header("Connection", "close").build();
    }

    private Response reject(Rejection reason) {
        long count = stats.rejected(reason);
        if (count <= 10 || count % 100 == 0) {
            LOG.log(Level.WARNING, "Rejected a WeCom callback request: {0} (rejections of this kind so far: {1})",
                    new Object[]{reason, count});
        }
        return switch (reason) {
            case BODY_TOO_LARGE -> Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).build();
            case MISSING_PARAMETERS, MALFORMED_XML -> Response.status(Response.Status.BAD_REQUEST).build();
            default -> Response.status(Response.Status.FORBIDDEN).build();
        };
    }

    private static String readBounded(InputStream body) throws IOException, BodyTooLarge {
        if (body == null) {
            return "";
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BodyTooLarge();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean anyBlank(String... values) {
        for (String value : values) {
            if (value == null || value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static final class BodyTooLarge extends Exception {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }
}
