package dev.dynamorm.local;

import static dev.dynamorm.local.Fixtures.item;
import static dev.dynamorm.local.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class MainLauncherTest {
    @TempDir Path dir;

    private Process launch() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.dynamorm.local.Main",
                        "--port",
                        "0",
                        "--data-dir",
                        dir.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static URI awaitEndpoint(Process p) throws Exception {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("dynamorm-local listening on ")) {
                return URI.create(line.substring("dynamorm-local listening on ".length()));
            }
        }
        throw new AssertionError("launcher exited without announcing its endpoint");
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .build();
    }

    @Test
    void servesHttpAndPersistsAcrossRestart() throws Exception {
        Process first = launch();
        String table;
        try {
            URI endpoint = awaitEndpoint(first);
            assertThat(endpoint.toString()).startsWith("http://127.0.0.1:");
            try (DynamoDbClient c = client(endpoint)) {
                table = Fixtures.hashTable(c);
                c.putItem(r -> r.tableName(table).item(item("pk", s("kept"))));
            }
        } finally {
            first.destroy();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        Process second = launch();
        try (DynamoDbClient c = client(awaitEndpoint(second))) {
            assertThat(c.getItem(r -> r.tableName(table).key(item("pk", s("kept")))).hasItem())
                    .isTrue();
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
