/**
 * Values and persisted rows of the WeCom protocol: what a decrypted callback says, and later the rows that remember
 * access tokens and API calls. Imports only the JDK, JPA and Bean Validation.
 * <p>
 * Not here: conversations, customers' messages, answering or delivery policy; those belong to the components that
 * use the protocol.
 */
package com.kfgateway.wecom.entity;
