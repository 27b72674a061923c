package dev.dynamorm.plugin.encryption.internal;

import static dev.dynamorm.test.assertions.DynamoAssertions.assertThatChanges;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.streams.ChangeDecoder;
import dev.dynamorm.streams.ChangeKind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Stream images of {@code @Encrypted} fields are decrypted like reads, and refused without keys.
 */
final class EncryptedStreamChangesTest {

    /** A model with an encrypted field. */
    @DynamoTable("stream_secrets")
    public record Secret(@PartitionKey String id, String label, @Encrypted String pin) {}

    private LocalDynamoDb local;

    @BeforeEach
    void start() {
        local = LocalDynamoDb.start();
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void imagesAreDecryptedThroughThePluginAndRefusedWithoutIt() {
        LocalKeyring ring = LocalKeyring.builder().key("k1", LocalKeyring.newKeyBase64()).build();
        try (DynamORM encrypting =
                        DynamORM.builder()
                                .client(local.client())
                                .pluginConfig(EncryptionConfig.builder().keyProvider(ring).build())
                                .build();
                DynamORM plainDb =
                        DynamORM.builder().client(local.client()).discoverPlugins(false).build()) {
            Table<Secret> secrets = encrypting.table(Secret.class);
            secrets.createTable();
            local.client()
                    .updateTable(
                            r ->
                                    r.tableName("stream_secrets")
                                            .streamSpecification(
                                                    s ->
                                                            s.streamEnabled(true)
                                                                    .streamViewType(
                                                                            StreamViewType
                                                                                    .NEW_AND_OLD_IMAGES)));

            assertThatChanges(
                            secrets,
                            local.streamsClient(),
                            () -> {
                                secrets.put(new Secret("s1", "door", "1234"));
                                secrets.put(new Secret("s1", "door", "9999"));
                            })
                    .hasKinds(ChangeKind.INSERT, ChangeKind.MODIFY)
                    .hasNewImages(
                            new Secret("s1", "door", "1234"), new Secret("s1", "door", "9999"))
                    .hasOldImages(new Secret("s1", "door", "1234"))
                    .hasChangedFields(1, "pin");

            // the stored image holds ciphertext, and a DynamORM without the plugin refuses it
            Record first = firstRecord();
            assertThat(first.dynamodb().newImage().get("pin").b()).isNotNull();
            Table<Secret> plain = plainDb.table(Secret.class);
            assertThatThrownBy(() -> ChangeDecoder.of(plain).decode(first))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("@Encrypted");
        }
    }

    private Record firstRecord() {
        var streams = local.streamsClient();
        String arn =
                local.client()
                        .describeTable(r -> r.tableName("stream_secrets"))
                        .table()
                        .latestStreamArn();
        String shard =
                streams.describeStream(r -> r.streamArn(arn))
                        .streamDescription()
                        .shards()
                        .get(0)
                        .shardId();
        String it =
                streams.getShardIterator(
                                r ->
                                        r.streamArn(arn)
                                                .shardId(shard)
                                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
        List<Record> records = streams.getRecords(r -> r.shardIterator(it)).records();
        return records.get(0);
    }
}
