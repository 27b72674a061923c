package dev.dynamorm.local.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.local.internal.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed append (a full disk) must not poison the log: every write acknowledged after it survives
 * a crash and restart.
 */
class FailedAppendTest {
    @TempDir Path dir;

    private FullDiskFile channel;

    private WriteAheadLog open(Path d, Engine engine) throws IOException {
        return WriteAheadLog.open(
                d,
                engine,
                false,
                file -> {
                    channel = new FullDiskFile(file);
                    return channel;
                });
    }

    private static Engine.Response call(Engine engine, String op, String json) {
        return engine.handle(op, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Engine.Response put(Engine engine, String key) {
        return call(
                engine,
                "PutItem",
                "{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\""
                        + key
                        + "\"},\"pad\":{\"S\":\"0123456789012345678901234567890123456789\"}}}");
    }

    private static boolean stored(Engine engine, String key) {
        String body =
                new String(
                        call(
                                        engine,
                                        "GetItem",
                                        "{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\""
                                                + key
                                                + "\"}}}")
                                .body(),
                        StandardCharsets.UTF_8);
        return body.contains("\"Item\"");
    }

    /** Copies the files as {@code kill -9} would leave them and opens the copy. */
    private Engine restartFromCrashCopy(String name) throws IOException {
        Path crashed = dir.resolve(name);
        Files.createDirectories(crashed);
        Files.copy(dir.resolve("live/snapshot.bin"), crashed.resolve("snapshot.bin"));
        Files.copy(dir.resolve("live/wal.bin"), crashed.resolve("wal.bin"));
        Engine again = new Engine("us-east-1", "000000000000");
        WriteAheadLog.open(crashed, again, false).close();
        Engine reread = new Engine("us-east-1", "000000000000");
        WriteAheadLog.open(crashed, reread, false);
        return reread;
    }

    private Engine liveEngine() throws IOException {
        Engine engine = new Engine("us-east-1", "000000000000");
        engine.journal(open(dir.resolve("live"), engine));
        assertThat(
                        call(
                                        engine,
                                        "CreateTable",
                                        "{\"TableName\":\"tbl\",\"BillingMode\":\"PAY_PER_REQUEST\","
                                                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                                                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}")
                                .status())
                .isEqualTo(200);
        return engine;
    }

    @Test
    void writesAcknowledgedAfterAFullDiskSurviveACrash() throws IOException {
        Engine engine = liveEngine();
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertThat(put(engine, "before" + i).status()).isEqualTo(200);
            acknowledged.add("before" + i);
        }
        // the disk fills up in the middle of the next record
        channel.capacity = channel.size() + 30;
        for (int i = 0; i < 20; i++) {
            Engine.Response r = put(engine, "full" + i);
            assertThat(r.status()).isEqualTo(500);
            assertThat(new String(r.body(), StandardCharsets.UTF_8))
                    .contains("No space left on device");
            refused.add("full" + i);
        }
        channel.capacity = Long.MAX_VALUE;
        for (int i = 0; i < 500; i++) {
            assertThat(put(engine, "after" + i).status()).isEqualTo(200);
            acknowledged.add("after" + i);
        }
        Engine reread = restartFromCrashCopy("crashed");
        for (String k : acknowledged) {
            assertThat(stored(reread, k)).as(k).isTrue();
        }
        for (String k : refused) {
            assertThat(stored(reread, k)).as(k).isFalse();
        }
    }

    @Test
    void writesAreRefusedUntilAFailedAppendCanBeCutBack() throws IOException {
        Engine engine = liveEngine();
        assertThat(put(engine, "before").status()).isEqualTo(200);
        channel.capacity = channel.size() + 30;
        channel.truncateFails = true;
        assertThat(put(engine, "full").status()).isEqualTo(500);
        // disk space is back but the partial record cannot be cut off yet: refuse
        channel.capacity = Long.MAX_VALUE;
        Engine.Response refused = put(engine, "stillBroken");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                .contains("could not be repaired after a failed write")
                .contains("refusing writes until it can");
        assertThat(stored(engine, "stillBroken")).isFalse();
        channel.truncateFails = false;
        assertThat(put(engine, "afterRepair").status()).isEqualTo(200);

        Engine reread = restartFromCrashCopy("crashed");
        assertThat(stored(reread, "before")).isTrue();
        assertThat(stored(reread, "full")).isFalse();
        assertThat(stored(reread, "stillBroken")).isFalse();
        assertThat(stored(reread, "afterRepair")).isTrue();
    }
}
