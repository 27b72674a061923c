package dev.dynamorm.test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server processes this JVM started, killed by a shutdown hook if the test run ends without
 * closing them (a crash of the JUnit engine, {@code System.exit}, Ctrl-C).
 */
final class ChildProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ChildProcesses() {}

    static void register(Process process) {
        if (HOOKED.compareAndSet(false, true)) {
            Thread hook = new Thread(ChildProcesses::killAll, "dynamorm-test-servers-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        RUNNING.add(process);
    }

    /** Stops a process and its descendants: SIGTERM, then SIGKILL after the grace period. */
    static void stop(Process process, Duration grace) {
        RUNNING.remove(process);
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void killAll() {
        for (Process process : RUNNING) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        RUNNING.clear();
    }
}
