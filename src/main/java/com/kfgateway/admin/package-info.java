/**
 * The staff console: Faces backing beans whose packages mirror the page paths under {@code webapp/admin/}
 * ({@code admin/index.xhtml} ↔ {@link com.kfgateway.admin.DashboardBacking}, {@code admin/conversations/…} ↔
 * {@code admin.conversations}, {@code admin/sendlog/…} ↔ {@code admin.sendlog}, {@code admin/doctor/…} ↔
 * {@code admin.doctor}), the admin REST API ({@code admin.api}), security ({@code admin.security}), the read-side
 * queries and staff actions ({@code admin.control}) and the console's own tables ({@code admin.entity}).
 * It reads conversations and the send log with JPA queries and changes them only through the pipeline's boundaries
 * ({@code Conversations}, which judges the session first and then uses the send log); every staff action is audited.
 */
package com.kfgateway.admin;
