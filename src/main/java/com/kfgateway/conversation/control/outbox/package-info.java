/**
 * The conversation's side of sending: {@link com.kfgateway.conversation.control.outbox.Outbox} turns a conversation
 * and the message answered into what the send log needs (recipient, answered msgid, when the customer last wrote);
 * {@link com.kfgateway.conversation.control.outbox.DeliveryTimeline} observes the send log's events and keeps our own
 * timeline rows and failed-send counter, in the same transaction.
 * <p>
 * Not here: splitting, quotas, retries and the WeCom calls (delivery).
 */
package com.kfgateway.conversation.control.outbox;
