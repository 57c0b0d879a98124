/**
 * Figures for operators, as MicroProfile Metrics in the application scope: callbacks by outcome, send attempts by
 * errcode, the model's latency and its fallbacks, how long a pull waited after WeCom announced new messages, and the
 * answers still to be given. The components that see these things report them here; nothing here reads their
 * data. Not here: the doctor's verdicts (those are for staff, and they survive restarts), and any server without
 * MicroProfile Metrics (WildFly 39 dropped it): there every figure is simply not kept.
 */
package com.kfgateway.metrics;
