package dev.crmgen.ratelimit.redis;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real {@code redis-server} on a free loopback port for one test class, without persistence. Where it is not
 * installed the tests are skipped with one line saying so, except in CI ({@code CI=true}), where they fail.
 */
final class RedisServer implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final Duration START_DEADLINE = Duration.ofSeconds(20);

    private Process process;
    private int port;
    private Path log;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String binary = findBinary();
        if (binary == null) {
            String message = "redis-server is not installed (apt-get install redis-server); skipping the Redis tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message.replace("skipping", "CI cannot skip"));
            }
            System.err.println("[SKIPPED] " + message);
            Assumptions.abort(message);
        }
        port = freePort();
        log = Files.createTempFile("redis-server", ".log");
        start(binary);
    }

    /** Starts the server (again) on its port; returns once it accepts connections. */
    void start() throws IOException, InterruptedException {
        start(findBinary());
    }

    private void start(String binary) throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        binary,
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--protected-mode",
                        "yes")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Process started = process;
        // A test JVM that dies must not leave the server behind.
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                stop();
                throw new IllegalStateException(
                        "redis-server did not start on port " + port + ":\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    /** Stops the server; the port stays reserved for {@link #start()}. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String findBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        File debian = new File("/usr/bin/redis-server");
        return debian.canExecute() ? debian.getPath() : null;
    }
}
