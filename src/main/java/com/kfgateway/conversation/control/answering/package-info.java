/**
 * Answering a customer's messages in order, one conversation at a time and conversations in parallel: {@link
 * com.kfgateway.conversation.control.answering.Answerer} runs a serial queue per conversation; {@link
 * com.kfgateway.conversation.control.answering.SessionGate} decides whether the bot may speak; {@link
 * com.kfgateway.conversation.control.answering.AnswerStore} reads the next message with its context and records the
 * answer together with its send-log parts; {@link com.kfgateway.conversation.control.answering.Recovery} resumes what
 * a crash or restart left.
 * <p>
 * Not here: what to say (assistant), how parts are sent (delivery), passing to a human (handover).
 */
package com.kfgateway.conversation.control.answering;
