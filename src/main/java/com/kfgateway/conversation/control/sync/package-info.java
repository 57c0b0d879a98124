/**
 * From a callback to stored messages, exactly once: {@link com.kfgateway.conversation.control.sync.Puller} pulls
 * kf/sync_msg per KF account one at a time (later callbacks coalesce); {@link
 * com.kfgateway.conversation.control.sync.PageStore} stores a page and advances the cursor in one transaction, msgid
 * unique; {@link com.kfgateway.conversation.control.sync.ItemEffects} applies what each new item means in that same
 * transaction (state moves, the welcome planned, msg_send_fail). After the commit the welcome goes out at once and
 * {@link com.kfgateway.conversation.control.sync.Ingested} is announced.
 * <p>
 * Not here: answering (it observes {@code Ingested}), fetching nicknames and images (enrich).
 */
package com.kfgateway.conversation.control.sync;
