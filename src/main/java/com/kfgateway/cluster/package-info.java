/**
 * Several nodes on one database: which node does the work that must run once at a time, cluster-wide (a KF
 * account's pull, a conversation's turn, a timer's run). Coordination goes through the database the nodes already
 * share, by leases in {@code cluster_lease} ({@link com.kfgateway.cluster.control.Leases}): no second engine to run,
 * the same on every server, and a node that dies lets go of its work when its leases run out. On a database that
 * only this JVM can open (the embedded H2 file) every lease is ours at once and costs nothing.
 * <p>
 * Not here: what the work is (the caller's), nor in-JVM coalescing of requests (conversation.control.SingleFlight,
 * which runs in front of a lease).
 */
package com.kfgateway.cluster;
