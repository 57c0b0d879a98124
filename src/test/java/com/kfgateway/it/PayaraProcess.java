package com.kfgateway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real WAR in Payara Micro (the pinned 6, or 7 on a newer Java: {@link Runtime}), booted with the repository's
 * own boot command files: the production listener settings and the database the WAR asks for.
 */
public final class PayaraProcess extends ServerProcess {

    /** The tests' JVM options: small and quick to start. {@code kfgateway.it.jvm-options} replaces them. */
    static final String DEFAULT_JVM_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=96m "
            + "-XX:TieredStopAtLevel=1";

    /**
     * A Payara Micro and the Java it runs on, with its pre-boot command file. Maven passes the jars; runs from the
     * project directory (InboxLoadRun, ConsoleDemo) find the command files there.
     */
    public record Runtime(String jar, Path java, Path preBootCommands) {

        /** Payara Micro 6 on the Java that runs the tests: what every IT uses unless it says otherwise. */
        public static Runtime micro6() {
            return new Runtime(required("kfgateway.it.payara-jar"),
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    Path.of(System.getProperty("kfgateway.it.pre-boot-commands",
                            "server-config/payara/pre-boot-commands.asadmin")));
        }

        /** Payara Micro 7 (Jakarta EE 11) on Java 21 or newer. */
        public static Runtime micro7() {
            return new Runtime(required("kfgateway.it.payara7-jar"),
                    Path.of(required("kfgateway.it.java21-home"), "bin", "java"),
                    Path.of("server-config/payara7/pre-boot-commands.asadmin"));
        }
    }

    private final Runtime runtime;
    private final List<String> extraDeployments = new ArrayList<>();
    private boolean operatorEndpoints;
    private String logFormat = "text";

    public PayaraProcess(Path workDir, Map<String, String> env) throws IOException {
        this(workDir, env, Runtime.micro6());
    }

    public PayaraProcess(Path workDir, Map<String, String> env, Runtime runtime) throws IOException {
        super(workDir, env, "payara.log");
        this.runtime = runtime;
    }

    /** The JVM options the server starts with: {@link #DEFAULT_JVM_OPTIONS} unless kfgateway.it.jvm-options is set. */
    public static List<String> jvmOptions() {
        String options = System.getProperty("kfgateway.it.jvm-options", DEFAULT_JVM_OPTIONS).trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Deploys another WAR beside the product from the next start on, at its own context root (benchmarks do). */
    public synchronized void alsoDeploy(Path war, String contextRoot) {
        extraDeployments.add(war.toAbsolutePath() + ":" + contextRoot);
    }

    /** Opens /metrics and /openapi from the next start on, the way README tells operators to. */
    public synchronized void openOperatorEndpoints() {
        operatorEndpoints = true;
    }

    /** Logs one JSON object per line from the next start on, with README's logging-json.properties. */
    public synchronized void logJson() {
        logFormat = "json";
    }

    @Override
    protected List<String> command(String coverage) throws IOException {
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        Path logProperties = Path.of("").toAbsolutePath()
                .resolve("server-config/payara/logging-" + logFormat + ".properties");
        List<String> command = new ArrayList<>(List.of(runtime.java().toString()));
        command.addAll(jvmOptions());
        command.add("-Djava.io.tmpdir=" + tmp);
        if (coverage != null) {
            // What only the integration tests reach counts in the merged coverage report.
            command.add(coverage);
        }
        command.addAll(List.of(
                "-jar", runtime.jar(),
                "--deploy", required("kfgateway.it.war"),
                "--contextroot", "/",
                "--port", String.valueOf(port()),
                "--nocluster",
                // The production listener settings (body caps, no server header), so the tests see what users get.
                "--prebootcommandfile", preBootCommands().toString(),
                "--postbootcommandfile", postBootCommands().toString(),
                "--logproperties", logProperties.toString()));
        for (String deployment : extraDeployments) {
            command.addAll(List.of("--deploy", deployment));
        }
        String addLibs = System.getProperty("kfgateway.it.addlibs");
        if (addLibs != null && !addLibs.isBlank()) {
            // A JDBC driver for a database other than the bundled H2, e.g. PostgreSQL's.
            command.addAll(List.of("--addlibs", addLibs));
        }
        return command;
    }

    /** The runtime's pre-boot commands, with operator-endpoints.asadmin appended when asked to (README). */
    private Path preBootCommands() throws IOException {
        Path base = runtime.preBootCommands().toAbsolutePath();
        if (!operatorEndpoints) {
            return base;
        }
        String opened = Files.readString(base) + "\n" + Files.readString(Path.of("").toAbsolutePath()
                .resolve("server-config/payara/operator-endpoints.asadmin"));
        return Files.writeString(workDir.resolve("pre-boot-commands.asadmin"), opened, StandardCharsets.UTF_8);
    }

    /**
     * The repository's post-boot commands (the data source), with their paths made absolute: README starts the
     * server in the repository's root, the tests in a work directory of their own.
     */
    private Path postBootCommands() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        String commands = Files.readString(root.resolve("server-config/payara/post-boot-commands.asadmin"))
                .replace(" server-config/", " " + root.resolve("server-config") + "/");
        return Files.writeString(workDir.resolve("post-boot-commands.asadmin"), commands, StandardCharsets.UTF_8);
    }

    @Override
    protected boolean deploymentFailed(String log) {
        return log.contains("Exception while deploying") || log.contains("Deployment failed");
    }

    @Override
    protected String serverName() {
        return "Payara Micro";
    }
}
