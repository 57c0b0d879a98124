/**
 * The measuring instruments of issue 8: {@code main} programs that boot the real WAR in Payara Micro against the
 * in-process WeCom simulator (and, where asked, a fake model server or a throwaway PostgreSQL) and print a markdown
 * result table with the figures the issue asks for: {@code BacklogBenchmark} (a queued backlog answered by the rules
 * engine, H2 or PostgreSQL), {@code AckBenchmark} (the callback ack against a bare endpoint on the same server) and
 * {@code SlowModelBenchmark} (100 customers at once with a model that takes 2 s). Started by hand, as README's
 * "Performance" section says; each prints the load of the machine beside its figures, because they are only
 * comparable on the same machine under the same load.
 * <p>
 * Not here: tests. Nothing in this package is a {@code *Test} or {@code *IT}, so {@code mvn verify} never runs it,
 * and nothing asserts a time: a goal missed is a figure in the table, not a red build. Not a place for product code
 * either; what a benchmark needs from the simulator or the IT harness lives beside them (SimulatorBacklog,
 * ThrowawayPostgres) so other tests can use it.
 */
package com.kfgateway.bench;
