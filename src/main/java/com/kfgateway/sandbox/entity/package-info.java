/**
 * Value types of the built-in WeCom simulator: the simulated corp's credentials, its accounts, sessions and switches
 * as the WeCom-side page shows them, the answers it gives and what it observed (API calls, delivered messages, staff
 * notifications, callback results).
 * <p>
 * For: the sandbox pages and the tests, which read the simulator through these. Not: anything the product needs in
 * production, nor the product's own entities.
 */
package com.kfgateway.sandbox.entity;
