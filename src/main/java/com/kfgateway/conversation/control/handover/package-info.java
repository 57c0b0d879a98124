/**
 * Passing a customer to a human: a receiving servicer or the queue ({@link
 * com.kfgateway.conversation.control.handover.Handover}), the notice on the msg_code WeCom returned ({@link
 * com.kfgateway.conversation.control.handover.HandoverNotices}) and the alert to staff through the self-built app
 * ({@link com.kfgateway.conversation.control.handover.StaffNotifier}).
 * <p>
 * Not here: deciding that a human is needed (the assistant and its rules), console take-overs (the boundary).
 */
package com.kfgateway.conversation.control.handover;
