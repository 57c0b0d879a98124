/**
 * What focused tests of the controls use instead of a container: {@link com.kfgateway.unit.TestDatabase} (the real
 * schema from {@code sql/} in an in-memory H2, real EclipseLink, transactions the test opens), {@link
 * com.kfgateway.unit.Wiring} (fills {@code @Inject} and {@code @PersistenceContext} fields by type) and {@link
 * com.kfgateway.unit.RecordedEvents} (an {@code Event} that remembers what was fired). Not a CDI container: no
 * interceptors run, so a test opens the transactions that {@code @Transactional} would, and no observer is called
 * unless the test passes one.
 */
package com.kfgateway.unit;
