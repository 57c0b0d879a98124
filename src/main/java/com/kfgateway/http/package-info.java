/**
 * Plumbing for our outbound HTTP calls, shared by the WeCom edge and the model client: a response body read up to
 * a limit and stoppable when a deadline passes. Not a client of its own and nothing about whom it calls: timeouts,
 * retries and what an answer means belong to the caller.
 */
package com.kfgateway.http;
