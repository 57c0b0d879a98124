/** Backing beans of the pages under {@code webapp/admin/sendlog/}. */
package com.kfgateway.admin.sendlog;
