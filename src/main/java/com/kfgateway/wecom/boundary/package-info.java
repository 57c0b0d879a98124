/**
 * WeCom's entry points into the gateway that are not requests from other components.
 *
 * <p>{@link com.kfgateway.wecom.boundary.TokenRefresh} is the timer that keeps access tokens fresh; it only delegates
 * to {@link com.kfgateway.wecom.control.AccessTokens}, and shows the doctor when it last ran and will run next.
 *
 * <p>Not here: the API calls themselves ({@link com.kfgateway.wecom.control.WeComClient}), token caching and the
 * bad-secret pause ({@code AccessTokens}), and anything that decides what to send.
 */
package com.kfgateway.wecom.boundary;
