/**
 * Who may use the console and the admin API: one Jakarta Security mechanism
 * ({@link com.kfgateway.admin.security.ConsoleAuthenticationMechanism}) doing form login for {@code /admin/*} pages and
 * HTTP Basic for {@code /api/admin/*}, over the staff_user table with PBKDF2 hashes. Roles: {@code admin} (all),
 * {@code agent} (conversations, replies, resends; no setup pages). The URL rules themselves are in web.xml.
 * Not here: what a user may do inside a page (the pages and resources ask {@code isCallerInRole}).
 */
package com.kfgateway.admin.security;
