package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.InvalidRequestException;
import dev.dynamorm.ItemContext;
import dev.dynamorm.Plugin;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.Encrypted;
import dev.dynamorm.local.LocalDynamoDb;
import java.lang.annotation.Annotation;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A plugin's own transform annotation (marked {@code @FieldTransform}) on a generated model: the
 * generated schema carries each field's annotation types, so plugins see the same transformed
 * attributes per annotation as on the reflective model (not every transform as {@code Encrypted}),
 * and the engine names the annotation in its errors.
 */
final class GeneratedFieldTransformsTest {

    private static final Map<String, String> SOURCES =
            Map.of(
                    "demo/Tokenized.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.FieldTransform;
                    import java.lang.annotation.*;
                    import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

                    @FieldTransform(storedAs = AttributeValue.Type.S, plugin = "acme-tokens")
                    @Retention(RetentionPolicy.RUNTIME)
                    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
                    public @interface Tokenized {}
                    """,
                    "demo/Card.java",
                    """
                    package demo;

                    import dev.dynamorm.annotations.*;

                    @DynamoTable("cards")
                    public record Card(
                            @PartitionKey String id,
                            @Tokenized String number,
                            @Encrypted String pin,
                            String holder) {}
                    """);

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    /**
     * Prefixes the string attributes of one annotation and strips the prefix on reads; stores them
     * as bytes when {@code bytes} (what {@code @Encrypted}'s {@code storedAs} asks).
     */
    record Prefixing(Class<? extends Annotation> annotation, String prefix, boolean bytes)
            implements Hook {
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
                    String v = prefix + item.get(a).s();
                    out.put(
                            a,
                            bytes
                                    ? AttributeValue.fromB(SdkBytes.fromUtf8String(v))
                                    : AttributeValue.fromS(v));
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
                    AttributeValue v = item.get(a);
                    String text = bytes ? v.b().asUtf8String() : v.s();
                    out.put(a, AttributeValue.fromS(text.substring(prefix.length())));
                }
            }
            return out;
        }
    }

    /** A plugin of several hooks. */
    record Hooks(String name, List<Hook> hooks) implements Plugin {}

    @Test
    void aPluginsOwnAnnotation_onAGeneratedModel_isReportedAsItself_likeOnAReflectiveOne(
            @TempDir Path dir) throws Exception {
        Compilation gen = Compilation.compile(dir, true, SOURCES);
        Compilation refl = Compilation.compile(dir, false, SOURCES);
        assertThat(gen.errors()).isEmpty();
        assertThat(refl.errors()).isEmpty();
        assertThat(gen.generatedSource("demo/Card_.java"))
                .contains(".transform(demo.Tokenized.class)")
                .contains(".encrypted()");

        List<String> generated = scenario(gen, "gen_");
        List<String> reflective = scenario(refl, "refl_");
        assertThat(generated)
                .containsExactly(
                        "Tokenized=[number]",
                        "Encrypted=[pin]",
                        "all=[number, pin]",
                        "stored number=tok:4111",
                        "stored pin=enc:1234",
                        "stored holder=Ann",
                        "read=Card[id=c1, number=4111, pin=1234, holder=Ann]",
                        "without the tokens plugin: model demo.Card has fields [number] marked"
                                + " @Tokenized but no installed plugin transforms them");
        assertThat(reflective).isEqualTo(generated);
    }

    @Test
    void aPluginsOwnAnnotation_onAKey_isACompileErrorNamingIt(@TempDir Path dir) {
        Compilation c =
                Compilation.compile(
                        dir,
                        true,
                        Map.of(
                                "demo/Tokenized.java",
                                SOURCES.get("demo/Tokenized.java"),
                                "demo/Keyed.java",
                                """
                                package demo;

                                import dev.dynamorm.annotations.*;

                                @DynamoTable("keyed")
                                public record Keyed(@PartitionKey @Tokenized String id) {}
                                """));
        assertThat(c.errors())
                .containsExactly(
                        "6: model demo.Keyed: field 'id' is the partition key and cannot be"
                                + " @Tokenized: DynamoDB must read keys in plain form; remove"
                                + " @Tokenized");
    }

    /** What plugins see of the model, what is stored and read back, and the refusal without one. */
    private static List<String> scenario(Compilation c, String prefix) throws Exception {
        try (URLClassLoader loader = c.loader()) {
            @SuppressWarnings("unchecked")
            Class<? extends Annotation> tokenized =
                    (Class<? extends Annotation>) loader.loadClass("demo.Tokenized");
            Class<?> card = loader.loadClass("demo.Card");
            Object item = card.getConstructors()[0].newInstance("c1", "4111", "1234", "Ann");
            List<String> out = new java.util.ArrayList<>();
            try (DynamORM db =
                    DynamORM.builder()
                            .client(local.client())
                            .discoverPlugins(false)
                            .tableNamePrefix(prefix)
                            .requireGeneratedModels(prefix.startsWith("gen"))
                            .plugin(
                                    new Hooks(
                                            "tokens-and-enc",
                                            List.of(
                                                    new Prefixing(tokenized, "tok:", false),
                                                    new Prefixing(Encrypted.class, "enc:", true))))
                            .build()) {
                Table<Object> cards = table(db, card);
                cards.createTable();
                out.add("Tokenized=" + cards.modelInfo().transformedAttributes(tokenized));
                out.add("Encrypted=" + cards.modelInfo().transformedAttributes(Encrypted.class));
                out.add("all=" + cards.modelInfo().transformedAttributes());
                cards.put(item);
                Map<String, AttributeValue> stored =
                        local.client()
                                .getItem(
                                        r ->
                                                r.tableName(cards.tableName())
                                                        .key(
                                                                Map.of(
                                                                        "id",
                                                                        AttributeValue.fromS(
                                                                                "c1"))))
                                .item();
                for (String a : List.of("number", "pin", "holder")) {
                    AttributeValue v = stored.get(a);
                    out.add("stored " + a + "=" + (v.b() != null ? v.b().asUtf8String() : v.s()));
                }
                out.add("read=" + cards.get("c1").orElseThrow());
            }
            try (DynamORM db =
                    DynamORM.builder()
                            .client(local.client())
                            .discoverPlugins(false)
                            .tableNamePrefix(prefix)
                            .plugin(
                                    new Hooks(
                                            "enc-only",
                                            List.of(new Prefixing(Encrypted.class, "enc:", true))))
                            .build()) {
                Table<Object> cards = table(db, card);
                Object other = card.getConstructors()[0].newInstance("c2", "1", "2", "Bo");
                assertThatThrownBy(() -> cards.put(other))
                        .isInstanceOf(InvalidRequestException.class)
                        .satisfies(
                                e ->
                                        out.add(
                                                "without the tokens plugin: "
                                                        + e.getMessage()
                                                                .substring(
                                                                        0,
                                                                        e.getMessage()
                                                                                .indexOf(
                                                                                        " (it is absent"))));
            }
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static Table<Object> table(DynamORM db, Class<?> type) {
        return (Table<Object>) db.table(type);
    }
}
