package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Key;
import dev.dynamorm.Table;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.plugin.encryption.internal.Models.BinaryKeyed;
import dev.dynamorm.plugin.encryption.internal.Models.DecimalKeyed;
import dev.dynamorm.plugin.encryption.internal.Models.DecimalSorted;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Encrypted items are bound to their primary key; every key type reads back after its write, even
 * when the backend stores the key in another form than it was written (DynamoDB normalises {@code
 * 1.50} to {@code 1.5}). Run on each backend by the subclasses.
 */
@DynamoBackend(models = {DecimalKeyed.class, DecimalSorted.class, BinaryKeyed.class, Note.class})
abstract class EncryptedKeysSuite {

    private static final LocalKeyring KEYRING =
            LocalKeyring.builder().key("k1", LocalKeyring.newKeyBase64()).build();

    private DynamORM db;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        db =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .pluginConfig(EncryptionConfig.builder().keyProvider(KEYRING).build())
                        .build();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void decimalPartitionKeys_writtenWithTrailingZeros_readBack() {
        Table<DecimalKeyed> table = db.table(DecimalKeyed.class);
        // a per-run offset keeps runs apart on a shared server
        BigDecimal run = BigDecimal.valueOf(Math.abs(UUID.randomUUID().getLeastSignificantBits()));
        List<String> texts = List.of("1.50", "3.0", "10.10", "0.000", "-2.500", "1E+2", "7");
        for (String text : texts) {
            BigDecimal id = run.add(new BigDecimal(text));
            table.put(new DecimalKeyed(id, "secret " + text));
        }
        for (String text : texts) {
            BigDecimal id = run.add(new BigDecimal(text));
            assertThat(table.get(id).map(DecimalKeyed::secret))
                    .as("get %s", id)
                    .contains("secret " + text);
            // the same value in another written form finds and decrypts the same item
            assertThat(table.get(id.setScale(id.scale() + 2)).map(DecimalKeyed::secret))
                    .as("get %s with more zeros", id)
                    .contains("secret " + text);
            assertThat(table.where("id", "=", id).all())
                    .extracting(DecimalKeyed::secret)
                    .containsExactly("secret " + text);
        }
        assertThat(
                        table.batchGet(
                                        List.of(
                                                Key.of(run.add(new BigDecimal("1.50"))),
                                                Key.of(run.add(new BigDecimal("10.10")))))
                                .items())
                .extracting(DecimalKeyed::secret)
                .containsExactlyInAnyOrder("secret 1.50", "secret 10.10");
    }

    @Test
    void decimalSortKeys_readBackThroughQueries() {
        Table<DecimalSorted> table = db.table(DecimalSorted.class);
        String id = UUID.randomUUID().toString();
        table.put(new DecimalSorted(id, new BigDecimal("1.50"), "a"));
        table.put(new DecimalSorted(id, new BigDecimal("3.0"), "b"));
        table.put(new DecimalSorted(id, new BigDecimal("10.10"), "c"));
        assertThat(table.where("id", "=", id).all())
                .extracting(DecimalSorted::secret)
                .containsExactly("a", "b", "c");
        assertThat(table.get(id, new BigDecimal("3.0")).map(DecimalSorted::secret)).contains("b");
        assertThat(table.where("id", "=", id).where("seq", ">", new BigDecimal("2")).all())
                .extracting(DecimalSorted::seq)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3"), new BigDecimal("10.1"));
    }

    @Test
    void binaryKeys_readBack() {
        Table<BinaryKeyed> table = db.table(BinaryKeyed.class);
        byte[] bytes = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        bytes[0] = (byte) 0xff;
        bytes[1] = 0;
        table.put(new BinaryKeyed(ByteBuffer.wrap(bytes), 1, "bin-secret"));
        assertThat(table.get(ByteBuffer.wrap(bytes), 1L).map(BinaryKeyed::secret))
                .contains("bin-secret");
        assertThat(table.where("id", "=", ByteBuffer.wrap(bytes)).all())
                .extracting(BinaryKeyed::secret)
                .containsExactly("bin-secret");
    }

    @Test
    void unicodeStringKeys_readBack() {
        Table<Note> notes = db.table(Note.class);
        String id = "héllo wörld ✓ 🎉 日本語 " + UUID.randomUUID();
        notes.put(new Note(id, "uni-secret", null, "t"));
        assertThat(notes.get(id).map(Note::secret)).contains("uni-secret");
        assertThat(notes.where("id", "=", id).all())
                .extracting(Note::secret)
                .containsExactly("uni-secret");
    }
}
