/**
 * The setup doctor: is this installation wired to WeCom correctly, and if not, what exactly to change.
 * {@link com.kfgateway.doctor.boundary.SetupDoctor} runs the checks (real corp or sandbox, configuration, a token per
 * credential, the secrets' relation judged by a live kf/account/list, manage_privilege per account, receptionists,
 * the callback, the token timer); {@link com.kfgateway.doctor.boundary.StartupReport} logs fingerprints and the
 * verdict after deployment; {@link com.kfgateway.doctor.boundary.DoctorWatch} looks again periodically, on one node
 * of a cluster, and {@link com.kfgateway.doctor.boundary.DoctorAlerts} tells staff once when a check turns red and
 * once when it recovers; secrets appear only as {@link com.kfgateway.wecom.control.SecretFingerprint}s. The
 * check rules are pure classes ({@code *Rules}) so they are tested without WeCom. Which WeCom the product talks to
 * is decided by the sandbox component, which hands the doctor its {@link com.kfgateway.doctor.entity.SetupMode}; the
 * doctor never depends on the sandbox. Not here: refreshing tokens, deciding the mode or fixing anything — the doctor
 * only looks, explains and tells.
 */
package com.kfgateway.doctor;
