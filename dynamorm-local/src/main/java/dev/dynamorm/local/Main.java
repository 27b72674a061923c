package dev.dynamorm.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Command-line launcher: {@code java -jar dynamorm-local.jar --port 8000 [--data-dir DIR]}. */
final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
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
                    return;
                }
                default -> {
                    System.err.println("unknown option: " + a);
                    System.exit(2);
                    return;
                }
            }
        }
        LocalDynamoDb db;
        try {
            db = builder.start();
        } catch (RuntimeException e) {
            System.err.println("dynamorm-local could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    db.close();
                                    stopped.countDown();
                                },
                                "dynamorm-local-shutdown"));
        System.out.println("dynamorm-local listening on " + db.endpoint());
        System.out.flush();
        ServerMemory.giveBackWhenIdle();
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("missing value for " + option);
            System.exit(2);
        }
        return args[i];
    }
}
