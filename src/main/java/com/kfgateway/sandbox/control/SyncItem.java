package com.kfgateway.sandbox.control;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One entry of the sync_msg log, in the exact JSON shape sync_msg returns. */
record SyncItem(long seq, String openKfid, Instant sendTime, JsonObject json) {
}
