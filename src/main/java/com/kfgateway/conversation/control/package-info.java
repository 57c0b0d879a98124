/**
 * The conversation pipeline's controls, split by job into sub-packages that depend one way:
 * {@code sync} (callback → kf/sync_msg → stored messages) and {@code answering} (gate, assistant, answer) sit on
 * {@code state} (service states and the one session transfer), {@code outbox} (what we hand to the send log, and our
 * own record of it), {@code handover} and {@code enrich} (nicknames, images); {@code search} reads the stored
 * messages after the fact into the text index the console searches, and depends on none of them. This package holds only what they all
 * share: the settings ({@link com.kfgateway.conversation.control.ConversationConfig}) and
 * {@link com.kfgateway.conversation.control.SingleFlight}, one run per key at a time.
 */
package com.kfgateway.conversation.control;
