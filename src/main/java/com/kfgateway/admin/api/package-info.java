/**
 * The admin REST API under {@code /api/admin}: the console's data and actions as JSON for scripts and other tools,
 * behind HTTP Basic with the console's users (never a session cookie). GETs only read; every action is a POST that
 * goes through {@code admin.control.StaffActions}, the same audited place as the console's buttons, and must be a
 * request no other site's page can send ({@link com.kfgateway.admin.api.ForgeryGuard}: a JSON body or an
 * X-Requested-By header), since a browser may have cached the Basic credentials. Secrets never appear in a
 * response, only fingerprints. Not here: the Faces pages.
 */
package com.kfgateway.admin.api;
