/**
 * The built-in WeCom simulator: an in-memory, protocol-faithful fake of WeCom's HTTP API (gettoken, kf/*,
 * message/send, media/get) and of its KF callbacks, for one corp. {@link com.kfgateway.sandbox.control.WeComSimulator}
 * answers the API and plays the customers and servicers, {@link com.kfgateway.sandbox.control.CorpAdmin} is what the
 * corp's admin sets up, {@link com.kfgateway.sandbox.control.SimulatorHttpServer} serves it over HTTP.
 * <p>
 * For: trying the product without a corp, and the fake every integration test uses (the same class in both places, so
 * tests and sandbox cannot drift). Tests reach it through one package-private seam, the
 * {@link com.kfgateway.sandbox.control.CallInterceptor}, and package-private state; their fault injection and
 * inspection harness lives in src/test and never ships. Depends only on the JDK, JSON-P, MicroProfile Config,
 * {@code com.kfgateway.wecom.control.CallbackCrypto}/{@code CallbackXml} and the doctor's {@code SetupMode} (the
 * value the sandbox hands the doctor).
 * <p>
 * In sandbox mode: {@link com.kfgateway.sandbox.control.SandboxActivation} decides the mode from the application's
 * MicroProfile configuration without the sandbox's own source, {@link com.kfgateway.sandbox.control.SandboxWeCom}
 * runs the seeded simulator ({@link com.kfgateway.sandbox.control.SandboxSeed}) on loopback,
 * {@link com.kfgateway.sandbox.control.SandboxConfigSource} points the product's WeCom settings at it, and
 * {@link com.kfgateway.sandbox.control.ChatTranscript} keeps the customer's side of each chat for the customer page.
 * <p>
 * Not: anything the product needs in production, nor fault injection (src/test).
 */
package com.kfgateway.sandbox.control;
