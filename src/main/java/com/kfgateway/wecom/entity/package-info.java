/**
 * Values and persisted rows of the WeCom protocol, in our terms: what a decrypted callback says ({@code
 * CallbackEvent}), what a call came to ({@link com.kfgateway.wecom.entity.WeComReply}: OK, an errcode, unreachable,
 * no token, not configured), the typed answers (sync pages of {@link com.kfgateway.wecom.entity.InboundItem}s,
 * session states, servicers, customers, accounts, media), the errcode catalogue's entries, and the rows that remember
 * access tokens and callbacks. Imports only the JDK, JPA and Bean Validation.
 * <p>
 * Not here: conversations, customers' messages, answering or delivery policy; those belong to the components that
 * use the protocol.
 */
package com.kfgateway.wecom.entity;
