/**
 * What we persist about customers, and the pipeline that fills it: a callback is only a doorbell
 * ({@link com.kfgateway.conversation.boundary.CallbackIntake}); a single-flight pull per KF account reads
 * kf/sync_msg from the stored cursor and stores every item exactly once (keyed by msgid, cursor advanced in the same
 * transaction); service states follow WeCom's events and our own calls, with history; customer messages are answered
 * in order per customer and in parallel across customers, only in state 0/1, and never when too old; welcome
 * messages go out at once; handover moves the session to a servicer or the queue and notifies staff. Unfinished work
 * is resumed at start-up and every few seconds ({@link com.kfgateway.conversation.boundary.PipelineRecovery}).
 * <p>
 * Boundary: {@link com.kfgateway.conversation.boundary.Conversations} (the console's transfer, reply, resend and
 * read), {@link com.kfgateway.conversation.boundary.CallbackIntake} (observes verified callbacks),
 * {@link com.kfgateway.conversation.boundary.TextSearch} (which conversations said a text, from the index that
 * {@link com.kfgateway.conversation.boundary.TextIndexing} keeps level with the message table).
 * The controls are split by job: {@code state}, {@code sync}, {@code answering}, {@code handover}, {@code outbox},
 * {@code enrich}, {@code search} (see {@code conversation.control}).
 * Not here: the WeCom protocol and tokens (wecom), what to answer (assistant), how parts are split, counted, sent and
 * retried (delivery), the console pages (admin).
 */
package com.kfgateway.conversation;
