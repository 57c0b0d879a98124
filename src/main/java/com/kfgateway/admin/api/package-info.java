/**
 * The admin REST API under {@code /api/admin}: the console's data and actions as JSON for scripts and other tools,
 * behind HTTP Basic with the console's users (never a session cookie, so another site cannot drive it through a
 * logged-in browser). Secrets never appear in a response, only fingerprints. Not here: the Faces pages.
 */
package com.kfgateway.admin.api;
