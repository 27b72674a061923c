package dev.dynamorm.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.concurrent.TimeUnit;

/**
 * A standalone server in its own process (the dynamorm-local launcher, Dynoxide), spoken to with
 * raw HTTP/1.1 DynamoDB JSON so that no client library's start-up is timed, and its resident memory
 * and CPU time read from {@code /proc} (Linux).
 */
final class ServerProcess {
    private ServerProcess() {}

    /** Where the build writes the dynamorm-local launcher, found above the working directory. */
    static Path localLauncher() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
                dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve("dynamorm-local/target/dynamorm-local");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no dynamorm-local/target/dynamorm-local above "
                        + System.getProperty("user.dir")
                        + ": run ./mvnw package -pl dynamorm-local -am first");
    }

    /** A free loopback port (free when asked; the server binds it a moment later). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code command} with its output readable line by line. */
    static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** Reads the process's output until a line contains {@code marker}; returns that line. */
    static String awaitLine(Process p, String marker) {
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(marker)) {
                    return line;
                }
                seen.add(line);
            }
            throw new IllegalStateException("server exited before '" + marker + "': " + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Retries ListTables until the server on {@code port} answers it (or the timeout passes). */
    static void awaitReady(Process p, int port, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try {
                post(port, "ListTables", "{}");
                return;
            } catch (UncheckedIOException e) {
                if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("server on port " + port + " not ready", e);
                }
                sleep(5);
            }
        }
    }

    /** Sends one DynamoDB JSON request; returns the answer's status line. */
    static String post(int port, String operation, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head =
                "POST / HTTP/1.1\r\nHost: localhost:"
                        + port
                        + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + "X-Amz-Target: DynamoDB_20120810."
                        + operation
                        + "\r\nX-Amz-Date: 20240101T000000Z\r\n"
                        + "Authorization: AWS4-HMAC-SHA256"
                        + " Credential=bench/20240101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=0\r\n"
                        + "Content-Length: "
                        + json.length
                        + "\r\nConnection: close\r\n\r\n";
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int eol = text.indexOf("\r\n");
            if (eol < 0) {
                throw new UncheckedIOException(new IOException("no HTTP answer: " + text));
            }
            return text.substring(0, eol);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of {@code /proc/PID/status} such as {@code VmRSS}, in KiB. */
    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** User plus system CPU time of the process so far, in milliseconds (100 ticks a second). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the parenthesised command name: state is field 3, utime 14, stime 15
            Scanner f = new Scanner(stat.substring(stat.lastIndexOf(')') + 2));
            for (int i = 3; i < 14; i++) {
                f.next();
            }
            return (f.nextLong() + f.nextLong()) * 10;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s) and waits for it. */
    static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
