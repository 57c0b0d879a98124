package com.kfgateway.sandbox.control;

import com.kfgateway.sandbox.entity.SimulatorResponse;
import java.util.Base64;

/** media/get: a tiny PNG for every media_id the simulator issued, WeCom's JSON error 40007 for any other. */
final class MediaEndpoint {

    /** A 1×1 PNG; small enough to inline, real enough for an image decoder. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final CorpState state;

    MediaEndpoint(CorpState state) {
        this.state = state;
    }

    SimulatorResponse get(ApiRequest request) {
        String mediaId = request.query().get("media_id");
        if (mediaId == null || !state.mediaIds.contains(mediaId)) {
            throw new ApiError(ApiError.INVALID_MEDIA_ID, "invalid media_id");
        }
        return new SimulatorResponse(200, "image/png", PNG.clone());
    }
}
