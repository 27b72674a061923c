package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.FieldTransform;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.spi.Hook;
import dev.dynamorm.spi.ItemContext;
import dev.dynamorm.spi.Plugin;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A third-party field transform (an annotation marked {@link FieldTransform}, not {@code
 * Encrypted}): the engine refuses its model until a hook declares the annotation, with a message
 * naming the annotation and its plugin, and lets a declaring hook transform it.
 */
final class FieldTransformGuardTest {

    /** What a compression plugin would define. */
    @FieldTransform(storedAs = AttributeValue.Type.B, plugin = "acme-compression")
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
    @interface Compressed {}

    @DynamoTable("docs")
    record Doc(@PartitionKey String id, @Compressed String body) {}

    @DynamoTable("keyed")
    record CompressedKey(@PartitionKey @Compressed String id) {}

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static DynamORM db(Consumer<DynamORM.Builder> setup) {
        DynamORM.Builder b =
                DynamORM.builder()
                        .client(local.client())
                        .discoverPlugins(false)
                        .tableNamePrefix("ft" + UUID.randomUUID().toString().substring(0, 8) + "_");
        setup.accept(b);
        return b.build();
    }

    /** A plugin of one hook. */
    record Named(String name, Hook hook) implements Plugin {
        @Override
        public List<Hook> hooks() {
            return List.of(hook);
        }
    }

    /** Stores the declared annotations' attributes as their UTF-8 bytes, and reads them back. */
    record Bytes(Set<Class<? extends Annotation>> declares) implements Hook {
        @Override
        public Set<Class<? extends Annotation>> transformedFields() {
            return declares;
        }

        @Override
        public Map<String, AttributeValue> beforeWrite(
                ItemContext c, Map<String, AttributeValue> item) {
            Map<String, AttributeValue> out = new HashMap<>(item);
            for (String a : c.model().orElseThrow().encryptedAttributes()) {
                if (item.containsKey(a)) {
                    out.put(a, AttributeValue.fromB(SdkBytes.fromUtf8String(item.get(a).s())));
                }
            }
            return out;
        }

        @Override
        public Map<String, AttributeValue> afterRead(
                ItemContext c, Map<String, AttributeValue> item) {
            Map<String, AttributeValue> out = new HashMap<>(item);
            for (String a : c.model().orElseThrow().encryptedAttributes()) {
                if (item.containsKey(a)) {
                    out.put(
                            a,
                            AttributeValue.fromS(
                                    new String(
                                            item.get(a).b().asByteArray(),
                                            StandardCharsets.UTF_8)));
                }
            }
            return out;
        }
    }

    @Test
    void noHookDeclaringTheAnnotation_refusesWritesAndReads_namingItAndItsPlugin() {
        // a hook that transforms only @Encrypted does not cover @Compressed
        try (DynamORM db =
                db(b -> b.plugin(new Named("enc", new Bytes(Set.of(Encrypted.class)))))) {
            Table<Doc> docs = db.table(Doc.class);
            docs.createTable();
            assertThatThrownBy(() -> docs.put(new Doc("d1", "text")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage(
                            "model "
                                    + Doc.class.getName()
                                    + " has fields [body] marked @Compressed but no installed plugin"
                                    + " transforms them (it is absent or disabled): refusing put on"
                                    + " table '"
                                    + docs.tableName()
                                    + "' rather than writing them untransformed; put"
                                    + " acme-compression on the path and configure it");
            assertThatThrownBy(() -> docs.get("d1"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining(
                            "refusing get on table '"
                                    + docs.tableName()
                                    + "' as they would be read back untransformed");
            assertThat(local.client().scan(r -> r.tableName(docs.tableName())).items()).isEmpty();
        }
    }

    @Test
    void aHookDeclaringTheAnnotation_transformsTheField() {
        try (DynamORM db =
                db(b -> b.plugin(new Named("acme", new Bytes(Set.of(Compressed.class)))))) {
            Table<Doc> docs = db.table(Doc.class);
            docs.createTable();
            docs.put(new Doc("d1", "text"));
            Map<String, AttributeValue> stored =
                    local.client()
                            .getItem(
                                    r ->
                                            r.tableName(docs.tableName())
                                                    .key(Map.of("id", AttributeValue.fromS("d1"))))
                            .item();
            assertThat(stored.get("body"))
                    .isEqualTo(AttributeValue.fromB(SdkBytes.fromUtf8String("text")));
            assertThat(docs.get("d1")).contains(new Doc("d1", "text"));
        }
    }

    @Test
    void aTransformedKey_isRefusedWithTheAnnotationsName() {
        try (DynamORM db = db(b -> {})) {
            assertThatThrownBy(() -> db.table(CompressedKey.class))
                    .isInstanceOf(ModelDefinitionException.class)
                    .hasMessageContaining(
                            "model "
                                    + CompressedKey.class.getName()
                                    + ": field 'id' is the partition key and cannot be @Compressed:"
                                    + " DynamoDB must read keys in plain form; remove @Compressed");
        }
    }
}
