package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginException;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.annotations.FieldTransform;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.local.LocalDynamoDb;
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

    /** What a tokenization plugin would define: the stored value is a token, a string. */
    @FieldTransform(storedAs = AttributeValue.Type.S, plugin = "acme-tokens")
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
    @interface Tokenized {}

    @DynamoTable("docs")
    record Doc(@PartitionKey String id, @Compressed String body) {}

    @DynamoTable("cards")
    record Card(@PartitionKey String id, @Tokenized String number, @Compressed String note) {}

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

    /** A plugin of several hooks (the engine installs one plugin per class). */
    record Hooks(String name, List<Hook> hooks) implements Plugin {}

    /** Stores the declared annotations' attributes as their UTF-8 bytes, and reads them back. */
    record Bytes(Set<Class<? extends Annotation>> declares) implements Hook {
        /** The attributes of the declared annotations, as the model describes them to hooks. */
        private Set<String> attributes(ItemContext c) {
            Set<String> out = new java.util.LinkedHashSet<>();
            declares.forEach(a -> out.addAll(c.model().orElseThrow().transformedAttributes(a)));
            return out;
        }

        @Override
        public Set<Class<? extends Annotation>> transformedFields() {
            return declares;
        }

        @Override
        public Map<String, AttributeValue> beforeWrite(
                ItemContext c, Map<String, AttributeValue> item) {
            Map<String, AttributeValue> out = new HashMap<>(item);
            for (String a : attributes(c)) {
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
            for (String a : attributes(c)) {
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

    /**
     * Replaces the string attributes of one annotation (as the model describes them to hooks) with
     * {@code prefix + value}, and strips the prefix on reads.
     */
    record Prefixing(Class<? extends Annotation> annotation, String prefix) implements Hook {
        @Override
        public Set<Class<? extends Annotation>> transformedFields() {
            return Set.of(annotation);
        }

        @Override
        public Map<String, AttributeValue> beforeWrite(
                ItemContext c, Map<String, AttributeValue> item) {
            Map<String, AttributeValue> out = new HashMap<>(item);
            for (String a : c.model().orElseThrow().transformedAttributes(annotation)) {
                if (item.containsKey(a)) {
                    out.put(a, AttributeValue.fromS(prefix + item.get(a).s()));
                }
            }
            return out;
        }

        @Override
        public Map<String, AttributeValue> afterRead(
                ItemContext c, Map<String, AttributeValue> item) {
            Map<String, AttributeValue> out = new HashMap<>(item);
            for (String a : c.model().orElseThrow().transformedAttributes(annotation)) {
                if (item.containsKey(a)) {
                    out.put(a, AttributeValue.fromS(item.get(a).s().substring(prefix.length())));
                }
            }
            return out;
        }
    }

    /** Declares an annotation and leaves its fields as given. */
    record Forgetful(Class<? extends Annotation> annotation) implements Hook {
        @Override
        public Set<Class<? extends Annotation>> transformedFields() {
            return Set.of(annotation);
        }
    }

    @Test
    void aTransformStoredAsAString_isWrittenAndReadBack_withEachAnnotationsOwnAttributes() {
        try (DynamORM db =
                db(
                        b ->
                                b.plugin(
                                        new Hooks(
                                                "tokens-and-acme",
                                                List.of(
                                                        new Prefixing(Tokenized.class, "tok:"),
                                                        new Bytes(Set.of(Compressed.class))))))) {
            Table<Card> cards = db.table(Card.class);
            cards.createTable();
            assertThat(cards.modelInfo().transformedAttributes(Tokenized.class))
                    .containsExactly("number");
            assertThat(cards.modelInfo().transformedAttributes(Compressed.class))
                    .containsExactly("note");
            assertThat(cards.modelInfo().transformedAttributes()).containsExactly("number", "note");
            cards.put(new Card("c1", "4111", "hello"));
            Map<String, AttributeValue> stored =
                    local.client()
                            .getItem(
                                    r ->
                                            r.tableName(cards.tableName())
                                                    .key(Map.of("id", AttributeValue.fromS("c1"))))
                            .item();
            assertThat(stored.get("number")).isEqualTo(AttributeValue.fromS("tok:4111"));
            assertThat(stored.get("note"))
                    .isEqualTo(AttributeValue.fromB(SdkBytes.fromUtf8String("hello")));
            assertThat(cards.get("c1")).contains(new Card("c1", "4111", "hello"));
        }
    }

    @Test
    void aDeclaringHookThatLeavesTheFieldAsGiven_isRefused_namingTheAnnotationAndItsPlugin() {
        try (DynamORM db =
                db(
                        b ->
                                b.plugin(
                                        new Hooks(
                                                "forgetful-tokens-and-acme",
                                                List.of(
                                                        new Forgetful(Tokenized.class),
                                                        new Bytes(Set.of(Compressed.class))))))) {
            Table<Card> cards = db.table(Card.class);
            cards.createTable();
            assertThatThrownBy(() -> cards.put(new Card("c1", "4111", "hello")))
                    .isInstanceOf(PluginException.class)
                    .hasMessage(
                            "attribute 'number' of @Tokenized field of model "
                                    + Card.class.getName()
                                    + " was not transformed by any plugin before put on table '"
                                    + cards.tableName()
                                    + "' (the hooks gave it back unchanged): refusing"
                                    + " to write it as given; install and configure the plugin"
                                    + " that transforms it (acme-tokens)");
            assertThat(local.client().scan(r -> r.tableName(cards.tableName())).items()).isEmpty();
        }
    }

    @Test
    void aHookStoringAnotherTypeThanTheAnnotationSays_isRefused() {
        // @Compressed says B; this hook writes a string
        try (DynamORM db =
                db(
                        b ->
                                b.plugin(
                                        new Hooks(
                                                "tokens-and-zip",
                                                List.of(
                                                        new Prefixing(Tokenized.class, "tok:"),
                                                        new Prefixing(
                                                                Compressed.class, "zip:")))))) {
            Table<Card> cards = db.table(Card.class);
            cards.createTable();
            assertThatThrownBy(() -> cards.put(new Card("c1", "4111", "hello")))
                    .isInstanceOf(PluginException.class)
                    .hasMessageContaining(
                            "attribute 'note' of @Compressed field of model "
                                    + Card.class.getName()
                                    + " was not transformed by any plugin before put on table '"
                                    + cards.tableName()
                                    + "' (the hooks gave back S, it must be stored as B)");
            assertThat(local.client().scan(r -> r.tableName(cards.tableName())).items()).isEmpty();
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
