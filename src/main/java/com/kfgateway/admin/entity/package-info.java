/**
 * What the console itself persists: its users ({@link com.kfgateway.admin.entity.StaffUser}, table staff_user) and
 * the audit log of staff actions ({@link com.kfgateway.admin.entity.AuditEntry}). Conversations, messages and the
 * send log belong to their own components; the console only reads them.
 */
package com.kfgateway.admin.entity;
