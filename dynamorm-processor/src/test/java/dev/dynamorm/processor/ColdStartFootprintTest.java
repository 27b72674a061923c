package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cold JVM loads from DynamORM between building it and the answer of its first get of a
 * generated model (issue 16: cold start within 2 % of hand-written SDK code), in a fresh JVM that
 * logs class loading. Each class loaded from the application's jars costs about a million
 * instructions in an interpreted cold JVM; the classes listed here were loaded only because
 * verifying an engine class that every instance loads named them (an upcast to an API interface, a
 * thrown or caught exception type) or because the engine built them eagerly, and are now loaded at
 * their first real use. Class names, not times: a timed assertion would fail on a busy machine.
 */
final class ColdStartFootprintTest {

    /** Loaded only when the API type is handed out (upcasts in {@code ApiTypes}). */
    private static final List<String> API_TYPES =
            List.of(
                    "dev.dynamorm.AsyncDynamORM",
                    "dev.dynamorm.BatchWriter",
                    "dev.dynamorm.AsyncBatchWriter",
                    "dev.dynamorm.Query",
                    "dev.dynamorm.AsyncTable",
                    "dev.dynamorm.PluginContext");

    /**
     * Loaded only when a hook is installed (upcasts in the hook chain's own records; the chain and
     * the hooked view of a model, which an engine without hooks does not make; the event of a
     * request, which without hooks only a failed attempt makes).
     */
    private static final List<String> HOOK_TYPES =
            List.of(
                    "dev.dynamorm.HookContext",
                    "dev.dynamorm.engine.internal.plugin.Event",
                    "dev.dynamorm.ModelInfo",
                    "dev.dynamorm.ItemContext",
                    "dev.dynamorm.Outcome",
                    "dev.dynamorm.engine.internal.plugin.HookChain",
                    "dev.dynamorm.engine.internal.plugin.HookedModel");

    /** Loaded at the first failed attempt of a call. */
    private static final List<String> RETRY_TYPES =
            List.of(
                    "dev.dynamorm.engine.internal.client.RetryDecision",
                    "dev.dynamorm.engine.internal.client.RetryDecision$Next",
                    "dev.dynamorm.engine.internal.client.DiscoveredRetryPolicy",
                    "dev.dynamorm.OutcomeUnknownException");

    /**
     * Loaded at the first plugin failure ({@code PluginFailures} makes them) and the first
     * conditional write (the condition compiler and its placeholders).
     */
    private static final List<String> LATER_TYPES =
            List.of(
                    "dev.dynamorm.PluginException",
                    "dev.dynamorm.engine.internal.plugin.PluginFailures",
                    "dev.dynamorm.engine.internal.expr.ConditionCompiler",
                    "dev.dynamorm.engine.internal.expr.Placeholders");

    /**
     * Loaded only when a table gets a second model (the check of their encrypted attributes), a
     * query runs plugin query modifiers, a key value does not fit its field, or a query compares
     * attribute values.
     */
    private static final List<String> QUERY_AND_MISFIT_TYPES =
            List.of(
                    "dev.dynamorm.engine.internal.TableModels",
                    "dev.dynamorm.engine.internal.plugin.ModifierSource",
                    "dev.dynamorm.internal.FieldValues",
                    "dev.dynamorm.engine.internal.expr.AttributeValues");

    /**
     * At most this many {@code dev.dynamorm} classes (the in-process server's {@code
     * dev.dynamorm.local} ones not counted) load between building DynamORM and the first answer: 58
     * today (the cap stayed at 59 after the count fell to 58 in session 16; 61 before the
     * class-path build created the own engine by name without its provider and the provider
     * interface; 60 before the number and instant text rules of the built-in converters, the
     * engine's stand-ins and the generated reads became one class of their own instead of four
     * copies; 64 before the models per table moved into the engine class, the first get stopped
     * loading the value-fit and attribute-value helpers, and the table stopped reaching plugin
     * query modifiers through an interface; 77 before the registration work of session 15; 83
     * before a get of an engine without hooks stopped making the request's event, which only hooks
     * and a failed attempt read, the executor's verification stopped loading the retry policy and
     * operation event interfaces, discovery that finds no plugin stopped making a plugin host, and
     * the engine lookup moved into the configuration class; 87 before a model without key templates
     * or {@code @Unique} stopped loading their classes and the generated-schema lookup its
     * anonymous class-loader key; 92 before an engine without hooks stopped loading the hook chain
     * and the hooked model view, and the discovered retry policy and index scorer were made at
     * their first use; four more before {@code PluginException}, the condition compiler, its
     * placeholders and the plugin statistics holder were deferred); a feature that starts loading
     * its classes in every engine shows up here.
     */
    private static final int ENGINE_CLASSES = 58;

    private static final String ORDER =
            """
            package demo.cold;

            import dev.dynamorm.annotations.*;

            @DynamoTable("orders")
            public record Order(
                    @PartitionKey String customerId,
                    @SortKey String orderId,
                    long totalCents,
                    String note) {}
            """;

    private static final String MAIN =
            """
            package demo.cold;

            import dev.dynamorm.DynamORM;
            import dev.dynamorm.local.LocalDynamoDb;
            import java.util.Map;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
            import software.amazon.awssdk.services.dynamodb.model.BillingMode;
            import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
            import software.amazon.awssdk.services.dynamodb.model.KeyType;
            import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

            public final class Main {
                public static void main(String[] args) {
                    try (LocalDynamoDb local = LocalDynamoDb.start()) {
                        DynamoDbClient client = local.client();
                        client.createTable(b -> b.tableName("orders")
                                .billingMode(BillingMode.PAY_PER_REQUEST)
                                .keySchema(
                                        KeySchemaElement.builder().attributeName("customerId")
                                                .keyType(KeyType.HASH).build(),
                                        KeySchemaElement.builder().attributeName("orderId")
                                                .keyType(KeyType.RANGE).build())
                                .attributeDefinitions(
                                        AttributeDefinition.builder().attributeName("customerId")
                                                .attributeType(ScalarAttributeType.S).build(),
                                        AttributeDefinition.builder().attributeName("orderId")
                                                .attributeType(ScalarAttributeType.S).build()));
                        client.putItem(b -> b.tableName("orders").item(Map.of(
                                "customerId", AttributeValue.fromS("c-1"),
                                "orderId", AttributeValue.fromS("o-1"),
                                "totalCents", AttributeValue.fromN("1250"),
                                "note", AttributeValue.fromS("gift"))));
                        System.out.println("BUILDING");
                        System.out.flush();
                        try (DynamORM db = DynamORM.builder()
                                        .client(client)
                                        .requireGeneratedModels(true)
                                        .discoverPlugins(args.length == 0)
                                        .build()) {
                            Order order = db.table(Order.class).get("c-1", "o-1").orElseThrow();
                            System.out.println("ANSWERED");
                            System.out.println(order.note());
                            System.out.println(order.totalCents());
                            System.out.flush();
                        }
                    }
                }
            }
            """;

    @Test
    void buildingDynamORMAndAFirstGet_loadNoClassThatOnlyAFailureARetryOrAnotherApiNeeds(
            @TempDir Path dir) throws Exception {
        List<String> loaded = loadedUntilTheFirstAnswer(dir, List.of());

        assertNotLoaded(loaded, API_TYPES, "API interfaces the first get does not hand out");
        assertNotLoaded(loaded, HOOK_TYPES, "hook types with no plugin installed");
        assertNotLoaded(loaded, RETRY_TYPES, "retry classes of a call that succeeded at once");
        assertNotLoaded(
                loaded, LATER_TYPES, "plugin failures and the condition compiler of writes");
        assertNotLoaded(
                loaded,
                QUERY_AND_MISFIT_TYPES,
                "second models of a table, plugin query modifiers, misfit values and comparisons");
        assertNotLoaded(
                loaded,
                List.of("dev.dynamorm.engine.internal.plugin.PluginHost"),
                "the plugin host when discovery found no plugin and none is registered");
        assertNotLoaded(
                loaded,
                List.of(
                        "dev.dynamorm.EngineProvider",
                        "dev.dynamorm.engine.internal.DefaultEngineProvider"),
                "the engine provider: on the class path the own engine is created by name");
        List<String> engine =
                loaded.stream()
                        .filter(
                                l ->
                                        l.contains(" dev.dynamorm.")
                                                && l.contains(" source:")
                                                && !l.contains(" dev.dynamorm.local."))
                        .toList();
        assertThat(engine.size())
                .as(
                        "dev.dynamorm classes loaded from building DynamORM to the first answer:%n%s",
                        String.join("\n", engine))
                .isLessThanOrEqualTo(ENGINE_CLASSES);
    }

    /**
     * With plugin discovery off and no plugin registered, no plugin can exist: the engine makes no
     * plugin host and loads neither it nor the plugin interface.
     */
    @Test
    void withPluginDiscoveryOff_andNoPlugin_noPluginClassLoads(@TempDir Path dir) throws Exception {
        List<String> loaded = loadedUntilTheFirstAnswer(dir, List.of("discovery-off"));

        assertNotLoaded(
                loaded,
                List.of("dev.dynamorm.engine.internal.plugin.PluginHost", "dev.dynamorm.Plugin"),
                "plugin classes of an engine that cannot have a plugin");
        assertNotLoaded(loaded, HOOK_TYPES, "hook types with no plugin installed");
    }

    /**
     * Compiles and runs the demo (its arguments: none for plugin discovery on) in a fresh JVM that
     * logs class loading, checks the item read back, and returns the class-load lines between
     * building DynamORM and the first answer.
     */
    private static List<String> loadedUntilTheFirstAnswer(Path dir, List<String> args)
            throws Exception {
        Path src = dir.resolve("src");
        GeneratedRegistrationFootprintTest.write(src.resolve("demo/cold/Order.java"), ORDER);
        GeneratedRegistrationFootprintTest.write(src.resolve("demo/cold/Main.java"), MAIN);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(GeneratedRegistrationFootprintTest.compile(src, classes)).isEmpty();

        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                "-Xlog:class+load=info",
                                "-cp",
                                classes
                                        + File.pathSeparator
                                        + GeneratedRegistrationFootprintTest.classPath(),
                                "demo.cold.Main"));
        command.addAll(args);
        String out = GeneratedRegistrationFootprintTest.run(command);
        List<String> lines = out.lines().collect(Collectors.toList());
        int from = lines.indexOf("BUILDING");
        int to = lines.indexOf("ANSWERED");
        assertThat(from).as(out).isNotNegative();
        assertThat(to).as(out).isGreaterThan(from);
        assertThat(lines.subList(to + 1, to + 3))
                .as("the item read back")
                .containsExactly("gift", "1250");
        List<String> loaded = lines.subList(from + 1, to);
        assertThat(loaded)
                .as("the first get went through the generated schema")
                .anyMatch(l -> l.contains(" demo.cold.Order_$Schema source:"));
        return loaded;
    }

    private static void assertNotLoaded(List<String> loaded, List<String> classes, String what) {
        for (String name : classes) {
            assertThat(loaded)
                    .as("%s: %s loaded before the first answer", what, name)
                    .noneMatch(l -> l.contains(" " + name + " source:"));
        }
    }
}
