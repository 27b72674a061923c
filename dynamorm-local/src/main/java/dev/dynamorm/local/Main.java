package dev.dynamorm.local;

import dev.dynamorm.local.internal.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Command-line launcher: {@code java -jar dynamorm-local.jar --port 8000 [--data-dir DIR]}. */
final class Main {
    /** How long after the announcement the collector is tuned ({@link ServerMemory}). */
    static final long IDLE_TUNING_DELAY_MILLIS = 3000;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        LocalDynamoDb db = start(args);
        if (db == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(shutdownHook(db, stopped));
        System.out.println(announcement(db));
        System.out.flush();
        // after a pause, so that its management classes do not compete with the first requests
        ServerMemory.giveBackWhenIdle(IDLE_TUNING_DELAY_MILLIS);
        stopped.await();
    }

    /** Closes the server (snapshot included) on SIGTERM / Ctrl-C, then releases {@code main}. */
    static Thread shutdownHook(LocalDynamoDb db, CountDownLatch stopped) {
        return new ShutdownHook(db, stopped);
    }

    /** A class, not a lambda: registered before the announcement (see {@link Warmup}). */
    private static final class ShutdownHook extends Thread {
        private final LocalDynamoDb db;
        private final CountDownLatch stopped;

        ShutdownHook(LocalDynamoDb db, CountDownLatch stopped) {
            super("dynamorm-local-shutdown");
            this.db = db;
            this.stopped = stopped;
        }

        @Override
        public void run() {
            db.close();
            stopped.countDown();
        }
    }

    static String announcement(LocalDynamoDb db) {
        return "dynamorm-local listening on " + db.endpoint();
    }

    /**
     * Parses the options and starts the server with its HTTP listener bound; {@code null} after
     * {@code --help}. Exits the JVM on bad options or when the server cannot start.
     */
    static LocalDynamoDb start(String[] args) {
        // the SDK's slf4j-api warns on stderr when no logging backend is present; keep startup
        // output to one line
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        LocalDynamoDb.Builder builder = LocalDynamoDb.builder().port(8000);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i, a)));
                case "--data-dir" -> builder.dataDirectory(Path.of(value(args, ++i, a)));
                case "--recover" -> builder.recover(true);
                case "--allowed-host" -> builder.allowHost(value(args, ++i, a));
                case "--require-signature" -> {
                    String key = value(args, ++i, a);
                    int colon = key.indexOf(':');
                    if (colon <= 0) {
                        System.err.println(
                                "--require-signature takes ACCESS_KEY_ID:SECRET_ACCESS_KEY");
                        System.exit(2);
                    }
                    builder.requireSignature(key.substring(0, colon), key.substring(colon + 1));
                }
                case "--cors" -> {
                    String origins = value(args, ++i, a);
                    builder.cors(origins.equals("off") ? null : origins);
                }
                case "--region" -> builder.region(value(args, ++i, a));
                case "--account-id" -> builder.accountId(value(args, ++i, a));
                case "--help", "-h" -> {
                    System.out.println(
                            "usage: java -jar dynamorm-local.jar [--port PORT] [--data-dir DIR [--recover]]"
                                    + " [--region REGION] [--account-id ID] [--allowed-host NAME]..."
                                    + " [--require-signature KEY_ID:SECRET]... [--cors ORIGINS|off]");
                    return null;
                }
                default -> {
                    System.err.println("unknown option: " + a);
                    System.exit(2);
                    return null;
                }
            }
        }
        new Warmup().start();
        try {
            LocalDynamoDb db = builder.start();
            db.endpoint();
            return db;
        } catch (RuntimeException e) {
            System.err.println("dynamorm-local could not start: " + e.getMessage());
            System.exit(1);
            return null;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("missing value for " + option);
            System.exit(2);
        }
        return args[i];
    }

    /**
     * A head start on the second core for the first request: while {@code main} builds the engine
     * and binds the listener (the JDK's socket classes and native libraries, and the JVM's first
     * lambda, which initialises java.lang.invoke), this thread initialises the JSON reader and
     * writer (jackson-core) that the first request needs, so that the two overlap instead of
     * following each other. It changes no state; a real problem shows in the first request. Nothing
     * on either path uses a lambda before the socket is bound (they would wait for one another's
     * initialisation of java.lang.invoke).
     */
    private static final class Warmup extends Thread {
        // no JSON number: jackson's number classes compile a regular expression, whose lambdas
        // would
        // compete with main for java.lang.invoke's initialisation
        private static final byte[] SAMPLE =
                "{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"},\"b\":{\"BOOL\":true},\"l\":{\"L\":[]}}}"
                        .getBytes(StandardCharsets.UTF_8);

        Warmup() {
            super("dynamorm-local-warmup");
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Json.write(Json.parse(SAMPLE));
            } catch (IOException | RuntimeException e) {
                // only a head start (see above)
            }
        }
    }
}
