/**
 * The way out: every part we send is a send-log row ({@link com.kfgateway.delivery.entity.SendLogEntry}) with our own
 * msgid before WeCom is called, and every attempt is recorded. Text is split by UTF-8 bytes (≤ 2048) and fitted into
 * WeCom's quota (5 sends per customer message within 48 h) with a notice instead of failing at part 6; parts of a
 * conversation go strictly in order; only failures that can succeed later are retried (1-2-4-8 s, same msgid), the
 * rest fail at once with the errcode catalogue's explanation. {@code msg_send_fail} marks a sent part failed.
 * <p>
 * Boundary: {@link com.kfgateway.delivery.boundary.SendLog} (console resend and staff reply). The conversation
 * pipeline plans parts with {@link com.kfgateway.delivery.control.SendPlanner} inside its own transaction and hands
 * them to {@link com.kfgateway.delivery.control.Dispatcher}.
 * <p>
 * Reads the conversation entities (state, last customer message) because WeCom's send rules depend on them.
 * Not here: deciding what to say (assistant), session-state changes and ingestion (conversation), HTTP and tokens
 * (wecom).
 */
package com.kfgateway.delivery;
