/**
 * What the console's pages and API have in common: read-side queries built from filters by pure code
 * ({@code ConversationQuery}, {@code SendLogQuery}, keyset {@code KeysetCursor}s, no OFFSET and no count over
 * everything), the chat-like {@code Timeline}, today's {@code Dashboard} figures, the {@code AuditLog}, and
 * {@code StaffActions}, the one place that calls the pipeline on a staff member's behalf and audits it.
 */
package com.kfgateway.admin.control;
