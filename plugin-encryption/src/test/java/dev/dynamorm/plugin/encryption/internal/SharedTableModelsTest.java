package dev.dynamorm.plugin.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.plugin.encryption.EncryptionConfig;
import dev.dynamorm.plugin.encryption.LocalKeyring;
import dev.dynamorm.plugin.encryption.internal.Models.Note;
import dev.dynamorm.test.Backend;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two models of one table must agree on which attributes are encrypted: otherwise the one without
 * {@code @Encrypted} would store the other's secret in plaintext.
 */
@DynamoBackend(value = Backend.EMBEDDED, models = Note.class)
final class SharedTableModelsTest {

    /** {@link Note}'s table, with {@code secret} in plaintext. */
    @DynamoTable("enc_notes")
    public record PlainNote(@PartitionKey String id, String secret, String tag) {}

    /** {@link Note}'s table, mapping only plaintext attributes. */
    @DynamoTable("enc_notes")
    public record NoteTag(@PartitionKey String id, String tag) {}

    /** {@link Note}'s table, encrypting the same attribute (and mapping fewer). */
    @DynamoTable("enc_notes")
    public record SecretOnly(@PartitionKey String id, @Encrypted String secret) {}

    private DynamORM db;
    private DynamoDbClient raw;
    private BackendContext backend;

    @BeforeEach
    void setUp(DynamoDbClient raw, BackendContext backend) {
        this.raw = raw;
        this.backend = backend;
        db =
                DynamORM.builder()
                        .client(raw)
                        .tableNamePrefix(backend.tableNamePrefix())
                        .pluginConfig(
                                EncryptionConfig.builder()
                                        .keyProvider(
                                                LocalKeyring.builder()
                                                        .key("k1", LocalKeyring.newKeyBase64())
                                                        .build())
                                        .build())
                        .build();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aPlaintextModelOfAnEncryptedTable_isRefusedAtRegistration_andWritesNothing() {
        db.table(Note.class).put(new Note("n1", "s", null, "t"));
        assertThatThrownBy(() -> db.table(PlainNote.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "models "
                                + Note.class.getName()
                                + " and "
                                + PlainNote.class.getName()
                                + " both map table '"
                                + backend.tableNamePrefix()
                                + "enc_notes' but disagree on encrypted attributes: Note encrypts"
                                + " [secret], which PlainNote would store in plaintext; mark the"
                                + " same fields @Encrypted in both models (or leave them out of"
                                + " PlainNote)");
        // refused for good, not only the first time
        assertThatThrownBy(() -> db.table(PlainNote.class))
                .isInstanceOf(ModelDefinitionException.class);
        assertThat(
                        raw.getItem(
                                        b ->
                                                b.tableName(backend.tableNamePrefix() + "enc_notes")
                                                        .key(
                                                                Map.of(
                                                                        "id",
                                                                        AttributeValue.fromS(
                                                                                "n1"))))
                                .item()
                                .get("secret")
                                .type())
                .isEqualTo(AttributeValue.Type.B);
    }

    @Test
    void theOtherOrder_isRefusedToo() {
        db.table(PlainNote.class);
        assertThatThrownBy(() -> db.table(Note.class))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessageContaining(
                        "disagree on encrypted attributes: Note encrypts [secret], which PlainNote"
                                + " would store in plaintext");
    }

    @Test
    void modelsThatAgree_orLeaveTheAttributeOut_share_theTable() {
        db.table(Note.class).put(new Note("n2", "shared", null, "t"));
        assertThat(db.table(NoteTag.class).get("n2")).contains(new NoteTag("n2", "t"));
        assertThat(db.table(SecretOnly.class).get("n2")).contains(new SecretOnly("n2", "shared"));
    }
}
