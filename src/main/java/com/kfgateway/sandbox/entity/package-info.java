/**
 * Value types of the built-in WeCom simulator: the simulated corp's credentials, the answers it gives and what it
 * observed (API calls, delivered messages, staff notifications, callback results).
 * <p>
 * For: the built-in WeCom simulator for trying the product without a corp, and the fake every integration test uses.
 * Not: anything the product needs in production.
 */
package com.kfgateway.sandbox.entity;
