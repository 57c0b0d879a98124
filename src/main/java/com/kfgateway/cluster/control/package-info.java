/**
 * {@link com.kfgateway.cluster.control.Leases}: take, renew, release and hold named leases;
 * {@link com.kfgateway.cluster.control.Node}: this node's name in them, and whether another node could share the
 * database at all. {@link com.kfgateway.cluster.control.LeaseRows} is their SQL, one short transaction per call.
 */
package com.kfgateway.cluster.control;
