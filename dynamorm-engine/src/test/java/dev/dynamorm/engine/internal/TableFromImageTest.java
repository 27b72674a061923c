package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ModelInfo;
import dev.dynamorm.Operation;
import dev.dynamorm.Plugin;
import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import dev.dynamorm.annotations.Unique;
import dev.dynamorm.annotations.Version;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Table.fromImage}: an item image from a stream or a Lambda event is mapped the way a read
 * maps it (plugins' read transforms with {@link Operation#STREAM_READ}, encrypted models refused
 * without a capable plugin); {@code Table.modelInfo} describes the model.
 */
final class TableFromImageTest {
    private static LocalDynamoDb local;

    @DynamoTable("notes")
    record Note(
            @PartitionKey String id,
            @SortKey String part,
            String label,
            @Attribute("t") String text,
            @Version long version) {}

    @DynamoTable("members")
    record Member(
            @PartitionKey String id,
            @Unique @Attribute("mail") String email,
            String name,
            @Unique String handle) {}

    @DynamoTable("sealed_notes")
    record Sealed(@PartitionKey String id, @Encrypted String pin) {}

    /** Upper-cases the label of every item read, recording the contexts. */
    static final class Shouting implements Hook, Plugin {
        final List<ItemContext> reads = new ArrayList<>();

        @Override
        public String name() {
            return "shouting";
        }

        @Override
        public List<Hook> hooks() {
            return List.of(this);
        }

        @Override
        public Map<String, AttributeValue> afterRead(
                ItemContext context, Map<String, AttributeValue> item) {
            reads.add(context);
            Map<String, AttributeValue> out = new HashMap<>(item);
            if (item.containsKey("label")) {
                out.put("label", AttributeValue.fromS(item.get("label").s().toUpperCase()));
            }
            return out;
        }
    }

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static Map<String, AttributeValue> image() {
        return Map.of(
                "id", AttributeValue.fromS("n1"),
                "part", AttributeValue.fromS("p"),
                "label", AttributeValue.fromS("quiet"),
                "t", AttributeValue.fromS("body"),
                "version", AttributeValue.fromN("3"));
    }

    @Test
    void fromImage_runsTheReadTransforms_asAStreamRead() {
        Shouting hook = new Shouting();
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .discoverPlugins(false)
                        .tableNamePrefix("img_")
                        .plugin(hook)
                        .build()) {
            var notes = db.table(Note.class);

            assertThat(notes.fromImage(image())).isEqualTo(new Note("n1", "p", "QUIET", "body", 3));
            assertThat(hook.reads).hasSize(1);
            assertThat(hook.reads.get(0).operation()).isEqualTo(Operation.STREAM_READ);
            assertThat(hook.reads.get(0).tableName()).isEqualTo("img_notes");
            // fromItem maps attributes as given
            assertThat(notes.fromItem(image())).isEqualTo(new Note("n1", "p", "quiet", "body", 3));
            // a keys-only image
            assertThat(
                            notes.fromImage(
                                    Map.of(
                                            "id", AttributeValue.fromS("n1"),
                                            "part", AttributeValue.fromS("p"))))
                    .isEqualTo(new Note("n1", "p", null, null, 0));
        }
    }

    @Test
    void fromImage_ofAnEncryptedModel_isRefusedWithoutAPluginThatDecrypts() {
        try (DynamORM db =
                DynamORM.builder().client(local.client()).discoverPlugins(false).build()) {
            var sealed = db.table(Sealed.class);
            Map<String, AttributeValue> image =
                    Map.of("id", AttributeValue.fromS("s1"), "pin", AttributeValue.fromS("1234"));

            assertThatThrownBy(() -> sealed.fromImage(image))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage(
                            "model "
                                    + Sealed.class.getName()
                                    + " has fields [pin] marked @Encrypted but no installed plugin"
                                    + " transforms them (it is absent or disabled): refusing"
                                    + " stream_read on table 'sealed_notes' as they would be read"
                                    + " back untransformed; put dynamorm-plugin-encryption on the"
                                    + " path and configure it");
            assertThatThrownBy(() -> sealed.fromImage(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("image");
        }
    }

    @Test
    void modelInfo_describesTablesKeysAndAttributeNames() {
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .discoverPlugins(false)
                        .tableNamePrefix("img_")
                        .build()) {
            ModelInfo info = db.table(Note.class).modelInfo();
            assertThat(info.type()).isEqualTo(Note.class);
            assertThat(info.tableName()).isEqualTo("img_notes");
            assertThat(info.partitionKeyAttribute()).isEqualTo("id");
            assertThat(info.sortKeyAttribute()).contains("part");
            assertThat(info.attributeNames())
                    .containsExactly(
                            Map.entry("id", "id"),
                            Map.entry("part", "part"),
                            Map.entry("label", "label"),
                            Map.entry("text", "t"),
                            Map.entry("version", "version"));
            assertThat(info.encryptedAttributes()).isEmpty();
            assertThat(info.versionAttribute()).contains("version");
            ModelInfo sealed = db.table(Sealed.class).modelInfo();
            assertThat(sealed.sortKeyAttribute()).isEqualTo(Optional.empty());
            assertThat(sealed.encryptedAttributes()).isEqualTo(Set.of("pin"));
        }
    }

    @Test
    void modelInfo_namesTheUniqueAttributes_toCallersAndToHooks() {
        Shouting hook = new Shouting();
        try (DynamORM db =
                DynamORM.builder()
                        .client(local.client())
                        .discoverPlugins(false)
                        .tableNamePrefix("img_")
                        .plugin(hook)
                        .build()) {
            var members = db.table(Member.class);
            assertThat(members.modelInfo().uniqueAttributes()).containsExactly("mail", "handle");
            assertThat(db.table(Note.class).modelInfo().uniqueAttributes()).isEmpty();

            // the description hooks get (the plugin layer's own) says the same
            members.fromImage(Map.of("id", AttributeValue.fromS("m1")));
            assertThat(hook.reads).hasSize(1);
            assertThat(hook.reads.get(0).model().orElseThrow().uniqueAttributes())
                    .containsExactly("mail", "handle");
        }
    }
}
