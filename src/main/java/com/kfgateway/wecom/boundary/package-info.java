/**
 * WeCom's entry points into the gateway that are not requests from other components.
 *
 * <p>{@link com.kfgateway.wecom.boundary.WeComCallbackResource} is the callback URL. It judges what costs nothing
 * first (parameters, a timestamp within 5 minutes, the declared length), reads at most 8 KiB, verifies and decrypts,
 * refuses a callback it has seen, and only then fires the event; everything refused is an empty 4xx, counted in
 * {@link com.kfgateway.wecom.control.CallbackStats}, and writes nothing ({@code CallbackCounterFlush} stores the
 * counts every few seconds, off the request path).
 *
 * <p>{@link com.kfgateway.wecom.boundary.TokenRefresh} is the timer that keeps access tokens fresh; it only delegates
 * to {@link com.kfgateway.wecom.control.AccessTokens}, and shows the doctor when it last ran and will run next.
 *
 * <p>Not here: the API calls themselves ({@link com.kfgateway.wecom.control.WeComClient}), token caching and the
 * bad-secret pause ({@code AccessTokens}), and anything that decides what to send.
 */
package com.kfgateway.wecom.boundary;
