/**
 * The try-it-now sandbox: when nothing of a real installation is configured (no WeCom setting, the built-in
 * database, see {@link com.kfgateway.sandbox.control.SandboxActivation}), the product talks to the built-in WeCom
 * simulator running in the same process, and two pages let a person play both other parties: the WeChat customer
 * ({@code /sandbox/customer.xhtml}, bean in {@code sandbox.customer}) and the corp's WeCom admin
 * ({@code /sandbox/wecom.xhtml}, bean in {@code sandbox.wecom}).
 * <p>
 * Offers: {@link com.kfgateway.sandbox.boundary.SandboxMode} ({@code #{sandboxMode}}: whether the sandbox is on and
 * where its pages are, for the console's banner; the setup doctor's {@code SetupMode});
 * {@link com.kfgateway.sandbox.boundary.SandboxGate}, the filter on {@code /sandbox/*} that answers 404 there
 * unless sandbox mode is on; {@link com.kfgateway.sandbox.boundary.SandboxLifecycle}, which starts and stops the
 * simulator with the application.
 * <p>
 * Not: a second product. The product itself does not know it runs in a sandbox: its WeCom settings come from
 * {@link com.kfgateway.sandbox.control.SandboxConfigSource} and it speaks real HTTP, real crypto and real errcodes.
 */
package com.kfgateway.sandbox.boundary;
