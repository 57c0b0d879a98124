/** Backing beans of the pages under {@code webapp/admin/conversations/}. */
package com.kfgateway.admin.conversations;
