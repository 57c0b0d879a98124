package com.kfgateway.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real WAR in WildFly 39, set up exactly as README says: the repository's CLI script applied to a fresh copy of
 * the server's standalone configuration, the WAR deployed as ROOT.war, the product's environment on the server.
 * Maven unpacks the server and fetches EclipseLink; the server runs on Java 17, as the tests do.
 */
public final class WildFlyProcess extends ServerProcess {

    private final Path home = Path.of(required("kfgateway.it.wildfly-home"));
    private final Path base = workDir.resolve("standalone");
    private final int managementPort = freePort();
    private String javaOptions = "";

    public WildFlyProcess(Path workDir, Map<String, String> env) throws IOException {
        super(workDir, env, "wildfly.log");
        // Set up afresh for every test run; restarts within it keep the configuration.
        deleteRecursively(base);
    }

    @Override
    public URI healthUri() {
        return URI.create("http://127.0.0.1:" + managementPort + "/health");
    }

    @Override
    protected List<String> command(String coverage) throws IOException, InterruptedException {
        if (!Files.exists(base)) {
            setUp();
        }
        javaOptions = String.join(" ", PayaraProcess.jvmOptions()) + " -Djava.io.tmpdir=" + workDir
                + " -Djava.net.preferIPv4Stack=true"
                + (coverage == null ? "" : " " + coverage + " -Djboss.modules.system.pkgs=org.jacoco.agent.rt");
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.http.port=" + port(),
                // Nothing else may take a fixed port: another test JVM, or a server left from a crashed run.
                "-Djboss.https.port=" + freePort(),
                "-Djboss.management.http.port=" + managementPort,
                "-Djboss.management.https.port=" + freePort(),
                "-Djboss.ajp.port=" + freePort(),
                "-Djboss.bind.address=127.0.0.1"));
        return command;
    }

    @Override
    protected Map<String, String> serverEnvironment() {
        // JAVA_OPTS replaces standalone.conf's defaults (a 512 MB heap among them).
        return Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", javaOptions);
    }

    /** A fresh copy of the server's configuration, the CLI script applied to it, and the WAR as ROOT.war. */
    private void setUp() throws IOException, InterruptedException {
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        // The script adds EclipseLink as a module of the server's own; a run before this one may have done so.
        deleteRecursively(home.resolve("modules/org/eclipse/persistence"));
        Path script = Path.of("server-config/wildfly/kf-gateway.cli").toAbsolutePath();
        ProcessBuilder cli = new ProcessBuilder("bash", home.resolve("bin/jboss-cli.sh").toString(),
                "-Declipselink.jar=" + required("kfgateway.it.eclipselink-jar"),
                "-Djboss.server.base.dir=" + base, "--file=" + script)
                .directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("cli.log").toFile());
        cli.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process run = cli.start();
        if (!run.waitFor(120, TimeUnit.SECONDS) || run.exitValue() != 0) {
            run.destroyForcibly();
            throw new IllegalStateException("the CLI script failed:\n" + Files.readString(workDir.resolve("cli.log")));
        }
        Files.copy(Path.of(required("kfgateway.it.war")), base.resolve("deployments/ROOT.war"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    protected boolean deploymentFailed(String log) {
        // WFLYSRV0026: started with errors; WFLYCTL0013: a management operation (the deployment) failed.
        return log.contains("WFLYSRV0026") || log.contains("WFLYCTL0013") || log.contains("WFLYSRV0021");
    }

    @Override
    protected String serverName() {
        return "WildFly";
    }
}
