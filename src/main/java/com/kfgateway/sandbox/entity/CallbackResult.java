package com.kfgateway.sandbox.entity;

import java.net.URI;
import java.time.Instant;

/**
 * One attempt to deliver a callback to the product.
 *
 * @param httpStatus the status the product answered, or -1 when no answer came (refused, timeout)
 * @param failure    why no answer came, null when one did
 */
public record CallbackResult(Instant at, URI url, String openKfid, int httpStatus, String failure) {

    public boolean acknowledged() {
        return httpStatus == 200;
    }
}
