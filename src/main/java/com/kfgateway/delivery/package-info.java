/**
 * The way out: every part we send is a send-log row ({@link com.kfgateway.delivery.entity.SendLogEntry}) with our own
 * msgid before WeCom is called, and every attempt is recorded. Text is split by UTF-8 bytes (≤ 2048) and fitted into
 * WeCom's quota (5 sends per customer message within 48 h) with a notice instead of failing at part 6; parts of a
 * conversation go strictly in order; only failures that can succeed later are retried (1-2-4-8 s, same msgid), the
 * rest fail at once with the errcode catalogue's explanation. {@code msg_send_fail} marks a sent part failed.
 * <p>
 * Boundary: {@link com.kfgateway.delivery.boundary.SendLog}: plan parts inside the caller's transaction, dispatch,
 * resend, staff reply. A send-log entry carries everything a send needs from planning time on (the {@link
 * com.kfgateway.delivery.entity.Recipient}, the msgid it answers); outcomes are announced as CDI events inside the
 * send log's transaction ({@link com.kfgateway.delivery.entity.PartPlanned}, {@link
 * com.kfgateway.delivery.entity.PartStatusChanged}). Depends on wecom and database only: it never reads the
 * conversation; the sender passes in when the customer last wrote, which WeCom's quota counts from.
 * Not here: deciding what to say (assistant), session-state changes and ingestion (conversation), HTTP and tokens
 * (wecom).
 */
package com.kfgateway.delivery;
