/**
 * Who may use the console and the admin API, and what a browser is told about them. One Jakarta Security mechanism
 * ({@link com.kfgateway.admin.security.ConsoleAuthenticationMechanism}) does form login for {@code /admin/*} pages
 * and HTTP Basic for {@code /api/admin/*}, over the staff_user table with PBKDF2 hashes. Every password check goes
 * through {@link com.kfgateway.admin.security.LoginGate}: per-user and per-address token buckets
 * ({@link com.kfgateway.admin.security.LoginThrottle}) and a bulkhead before hashing, the audit and server log after
 * it ({@link com.kfgateway.admin.security.LoginJournal}); the hash itself runs outside any transaction.
 * {@link com.kfgateway.admin.security.FirstAdmin} creates the first admin (a strong ADMIN_PASSWORD, or a generated one
 * in a mode-600 file). {@link com.kfgateway.admin.security.BrowserHardening} sets CSP, framing, referrer and cache
 * headers; {@link com.kfgateway.admin.security.SessionCookie} and its policy make the session cookie SameSite=Lax and
 * Secure over HTTPS. Roles: {@code admin} (all), {@code agent} (conversations, replies, resends; no setup pages). The
 * URL rules themselves are in web.xml. Not here: what a user may do inside a page (the pages and resources ask
 * {@code isCallerInRole}), and cross-site protection of API calls ({@code admin.api.ForgeryGuard}).
 */
package com.kfgateway.admin.security;
