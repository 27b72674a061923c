package dev.dynamorm.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The training run behind the class-data sharing archive the build writes next to the jar: starts
 * the server as {@link Main} does and answers the requests of a typical first session over HTTP, so
 * that the classes they load are listed ({@code -XX:DumpLoadedClassList}) and archived ({@code
 * -Xshare:dump}). A later {@code java -XX:SharedArchiveFile=dynamorm-local.jsa -jar ...} maps them
 * instead of loading, verifying and linking them.
 */
final class CdsTraining {
    private static final String[][] SESSION = {
        {"ListTables", "{}"},
        {
            "CreateTable",
            "{\"TableName\":\"cds\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]}"
        },
        {"PutItem", "{\"TableName\":\"cds\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}}"},
        {"GetItem", "{\"TableName\":\"cds\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"},
        {
            "Query",
            "{\"TableName\":\"cds\",\"KeyConditionExpression\":\"pk = :p\","
                    + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}}}"
        },
        {"DescribeTable", "{\"TableName\":\"cds\"}"}
    };

    /**
     * JDK classes a real start loads that this run does not: {@code java -jar} opens the jar and
     * resolves its {@code Class-Path} (this run uses {@code -cp}), and the warm-up thread and
     * {@code main} may wait for one another's class initialisation.
     */
    private static final String[] ALSO_ARCHIVED = {
        "java.io.RandomAccessFile$1",
        "java.nio.file.FileSystems",
        "java.nio.file.FileSystems$DefaultFileSystemHolder",
        "java.nio.file.FileSystems$DefaultFileSystemHolder$1",
        "java.util.concurrent.locks.AbstractQueuedSynchronizer$SharedNode",
        "java.util.concurrent.locks.AbstractQueuedSynchronizer$ExclusiveNode"
    };

    private CdsTraining() {}

    /**
     * Runs the training session and prints its answers' status lines.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        for (String name : ALSO_ARCHIVED) {
            try {
                Class.forName(name, false, null);
            } catch (ClassNotFoundException e) {
                // another JDK: its own classes, archived or not
            }
        }
        run(true).forEach(System.out::println);
    }

    /**
     * Starts the server as {@link Main} does (option parsing and announcement included) and serves
     * the session on an ephemeral port; returns the announcement and each answer's status line.
     *
     * @param tuneCollector whether to run {@link ServerMemory}'s adjustment as the server does (it
     *     changes the running JVM's collector settings)
     */
    static List<String> run(boolean tuneCollector) {
        List<String> statuses = new ArrayList<>();
        try (LocalDynamoDb db = Main.start(new String[] {"--port", "0"})) {
            // registered and removed again: its classes, the lambda's and the JDK's hook registry
            // are archived for Main (which keeps it until SIGTERM)
            Thread hook = Main.shutdownHook(db, new CountDownLatch(1));
            Runtime.getRuntime().addShutdownHook(hook);
            Runtime.getRuntime().removeShutdownHook(hook);
            statuses.add(Main.announcement(db));
            URI endpoint = db.endpoint();
            for (String[] call : SESSION) {
                statuses.add(call[0] + ": " + post(endpoint.getPort(), call[0], call[1]));
            }
            if (tuneCollector) {
                ServerMemory.giveBackWhenIdle(0).join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    private static String post(int port, String operation, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head =
                "POST / HTTP/1.1\r\n"
                        + "Host: localhost:"
                        + port
                        + "\r\nContent-Type: application/x-amz-json-1.0\r\n"
                        + "X-Amz-Target: DynamoDB_20120810."
                        + operation
                        + "\r\nX-Amz-Date: 20240101T000000Z\r\n"
                        + "Authorization: AWS4-HMAC-SHA256"
                        + " Credential=training/20240101/us-east-1/dynamodb/aws4_request,"
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
            return eol < 0 ? text : text.substring(0, eol);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
