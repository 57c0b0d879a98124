/**
 * The database: the name under which the server provides the data source (set up from server-config/: embedded H2
 * by default, any JDBC database through DB_URL and friends), the Flyway migration from {@code sql/} that runs before anything else, the one JPA converter every
 * entity shares, and {@link com.kfgateway.database.ConflictRetry}, which repeats a short transaction that lost an
 * optimistic-lock race, with {@link com.kfgateway.database.CommitFailures}, which makes a failed commit a runtime
 * failure on every server, and {@link com.kfgateway.database.GroupCommit}, which commits many threads' short
 * transactions together. Not: entities or queries, which belong to the component that owns the data.
 */
package com.kfgateway.database;
