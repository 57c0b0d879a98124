/** Backing beans of the pages under {@code webapp/admin/doctor/}. */
package com.kfgateway.admin.doctor;
