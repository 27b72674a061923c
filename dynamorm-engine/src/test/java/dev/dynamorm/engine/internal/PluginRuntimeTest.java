package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Condition;
import dev.dynamorm.ConditionFailedException;
import dev.dynamorm.DynamORM;
import dev.dynamorm.Hook;
import dev.dynamorm.HookContext;
import dev.dynamorm.ItemContext;
import dev.dynamorm.ItemRef;
import dev.dynamorm.Operation;
import dev.dynamorm.Outcome;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginConfig;
import dev.dynamorm.PluginContext;
import dev.dynamorm.PluginException;
import dev.dynamorm.Statistic;
import dev.dynamorm.Table;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.engine.internal.plugin.HookChain;
import dev.dynamorm.engine.internal.plugin.HookedModel;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The plugin runtime against the embedded engine: ordering, vetoes, amendments, transforms,
 * isolation.
 */
final class PluginRuntimeTest {

    private static LocalDynamoDb local;

    @DynamoTable("notes")
    record Note(@PartitionKey String id, String text, int stars) {}

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static String prefix() {
        return "rt" + UUID.randomUUID().toString().substring(0, 8) + "_";
    }

    private static DynamORM db(Consumer<DynamORM.Builder> setup) {
        DynamORM.Builder b = DynamORM.builder().client(local.client()).tableNamePrefix(prefix());
        setup.accept(b);
        return b.build();
    }

    /** A plugin made of lambdas, recording what it saw. */
    static final class TestPlugin implements Plugin {
        final String name;
        final int order;
        final List<String> log;
        Hook hook = new Hook() {};
        Consumer<PluginContext> init = c -> {};
        PluginContext context;
        boolean shutDown;

        TestPlugin(String name, int order, List<String> log) {
            this.name = name;
            this.order = order;
            this.log = log;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public void initialize(PluginContext c) {
            this.context = c;
            log.add("init " + name);
            init.accept(c);
        }

        @Override
        public List<Hook> hooks() {
            return List.of(hook);
        }

        @Override
        public void shutdown() {
            shutDown = true;
            log.add("shutdown " + name);
        }
    }

    static final class Other extends Object {}

    /** A second class, so two test plugins are not deduplicated as one. */
    static final class SecondPlugin implements Plugin {
        private final TestPlugin delegate;

        SecondPlugin(TestPlugin delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public int order() {
            return delegate.order();
        }

        @Override
        public void initialize(PluginContext c) {
            delegate.initialize(c);
        }

        @Override
        public List<Hook> hooks() {
            return delegate.hooks();
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }
    }

    private static Hook recording(String name, List<String> log) {
        return new Hook() {
            @Override
            public void before(HookContext c) {
                log.add(name + " before " + c.operation());
            }

            @Override
            public void after(HookContext c, Outcome o) {
                log.add(name + " after " + c.operation() + " " + (o.succeeded() ? "ok" : "failed"));
            }
        };
    }

    @Test
    void hooks_runBeforeInOrderAndAfterInReverse_andPluginsShutDownInReverse() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        TestPlugin a = new TestPlugin("a", 10, log);
        a.hook = recording("a", log);
        TestPlugin b = new TestPlugin("b", -10, log);
        b.hook = recording("b", log);
        DynamORM db = db(x -> x.plugin(a).plugin(new SecondPlugin(b)));
        assertThat(db.plugins()).containsExactly("b", "a");
        Table<Note> notes = db.table(Note.class);
        notes.createTable();
        log.clear();
        notes.put(new Note("n1", "hello", 3));
        assertThat(log)
                .containsExactly(
                        "b before PUT", "a before PUT", "a after PUT ok", "b after PUT ok");
        log.clear();
        db.close();
        assertThat(log).containsExactly("shutdown a", "shutdown b");
    }

    @Test
    void beforeHookThrowing_vetoesWithPluginException_nothingSent_earlierHooksSeeFailure() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        TestPlugin outer = new TestPlugin("outer", 0, log);
        outer.hook = recording("outer", log);
        TestPlugin veto = new TestPlugin("veto", 1, log);
        veto.hook =
                new Hook() {
                    @Override
                    public void before(HookContext c) {
                        if (c.operation() == Operation.PUT) {
                            throw new IllegalArgumentException("notes are read-only today");
                        }
                    }

                    @Override
                    public void after(HookContext c, Outcome o) {
                        log.add("veto after");
                    }
                };
        try (DynamORM db = db(x -> x.plugin(outer).plugin(new SecondPlugin(veto)))) {
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            log.clear();
            assertThatThrownBy(() -> notes.put(new Note("n1", "x", 1)))
                    .isInstanceOfSatisfying(
                            PluginException.class,
                            e -> {
                                assertThat(e.pluginName()).contains("veto");
                                assertThat(e.operation()).contains(Operation.PUT);
                            })
                    .hasMessage(
                            "plugin 'veto' refused put on table '"
                                    + notes.tableName()
                                    + "' (model "
                                    + Note.class.getName()
                                    + "): notes are read-only today");
            assertThat(log).containsExactly("outer before PUT", "outer after PUT failed");
            assertThat(local.client().scan(r -> r.tableName(notes.tableName())).count()).isZero();
        }
    }

    @Test
    void afterHookThrowing_neverFailsTheWrite_andIsCounted() {
        List<String> log = new ArrayList<>();
        TestPlugin broken = new TestPlugin("broken", 0, log);
        broken.hook =
                new Hook() {
                    @Override
                    public void after(HookContext c, Outcome o) {
                        throw new IllegalStateException("boom");
                    }
                };
        try (DynamORM db = db(x -> x.plugin(broken))) {
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            notes.put(new Note("n1", "kept", 2));
            assertThat(notes.get("n1")).contains(new Note("n1", "kept", 2));
            Statistic failures =
                    db.statistics().stream()
                            .filter(s -> s.name().equals("dynamorm.plugins.after.hook.failures"))
                            .findFirst()
                            .orElseThrow();
            assertThat(failures.value()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void initializeThrowing_failsBuildNamingThePlugin_andShutsDownEarlierOnes() {
        List<String> log = new ArrayList<>();
        TestPlugin fine = new TestPlugin("fine", 0, log);
        TestPlugin bad = new TestPlugin("bad", 1, log);
        bad.init =
                c -> {
                    throw new IllegalArgumentException("no key provider configured");
                };
        assertThatThrownBy(() -> db(x -> x.plugin(fine).plugin(new SecondPlugin(bad))))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("plugin 'bad' (" + SecondPlugin.class.getName() + " from ")
                .hasMessageEndingWith(
                        "failed to initialize: no key provider configured; fix its configuration, "
                                + "or disable it with disablePlugin(\"bad\")")
                .satisfies(
                        e -> {
                            assertThat(((PluginException) e).pluginName()).contains("bad");
                            assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
                        });
        assertThat(fine.shutDown).isTrue();
    }

    record Settings(String pluginName, int level) implements PluginConfig {}

    @Test
    void configuration_reachesThePlugin_fromBuilderPropertiesAndTypedConfig() {
        List<String> log = new ArrayList<>();
        TestPlugin p = new TestPlugin("conf", 0, log);
        Properties props = new Properties();
        props.setProperty("dynamorm.plugin.conf.size", "12");
        props.setProperty("dynamorm.plugin.other.size", "99");
        props.setProperty("unrelated.key", "x");
        try (DynamORM db =
                db(
                        x ->
                                x.plugin(p)
                                        .pluginProperty("conf", "ttl", "PT1M")
                                        .pluginProperties(props)
                                        .pluginConfig(new Settings("conf", 7)))) {
            assertThat(p.context.properties())
                    .containsExactly(Map.entry("size", "12"), Map.entry("ttl", "PT1M"));
            assertThat(p.context.config(Settings.class)).contains(new Settings("conf", 7));
            assertThat(p.context.dynamorm()).isSameAs(db);
        }
    }

    @Test
    void builder_rejectsBadPluginSettings() {
        Properties bad = new Properties();
        bad.setProperty("dynamorm.plugins.discover", "maybe");
        assertThatThrownBy(() -> DynamORM.builder().pluginProperties(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dynamorm.plugins.discover must be true or false, got 'maybe'");
        Properties noKey = new Properties();
        noKey.setProperty("dynamorm.plugin.cache", "x");
        assertThatThrownBy(() -> DynamORM.builder().pluginProperties(noKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "plugin property 'dynamorm.plugin.cache' must look like dynamorm.plugin.<name>.<key>");
        assertThatThrownBy(
                        () ->
                                DynamORM.builder()
                                        .pluginConfig(new Settings("a", 1))
                                        .pluginConfig(new Settings("a", 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "plugin configuration "
                                + Settings.class.getName()
                                + " was already set to Settings[pluginName=a, level=1]");
    }

    @Test
    void addCondition_isAndedIntoTheWrite() {
        List<String> log = new ArrayList<>();
        TestPlugin guard = new TestPlugin("guard", 0, log);
        guard.hook =
                new Hook() {
                    @Override
                    public void before(HookContext c) {
                        if (c.operation() == Operation.PUT) {
                            c.addCondition(Condition.when("stars", "<", 5));
                        }
                    }
                };
        try (DynamORM db = db(x -> x.plugin(guard))) {
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            notes.put(
                    new Note(
                            "n1", "first",
                            5)); // no stored item: stars < 5 fails on a missing attribute
        } catch (ConditionFailedException expected) {
            // a condition on a missing item fails: the hook's condition was sent
            assertThat(expected.operation()).contains(Operation.PUT);
            return;
        }
        throw new AssertionError("the hook's condition was not sent");
    }

    @Test
    void addCondition_allowsWriteWhenItHolds_andRejectsWhenNot() {
        List<String> log = new ArrayList<>();
        TestPlugin guard = new TestPlugin("guard", 0, log);
        AtomicInteger armed = new AtomicInteger();
        guard.hook =
                new Hook() {
                    @Override
                    public void before(HookContext c) {
                        if (c.operation() == Operation.PUT && armed.get() == 1) {
                            c.addCondition(Condition.when("stars", "<", 5));
                        }
                    }
                };
        try (DynamORM db = db(x -> x.plugin(guard))) {
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            notes.put(new Note("n1", "low", 2));
            notes.put(new Note("n2", "high", 9));
            armed.set(1);
            notes.put(new Note("n1", "still low", 3));
            assertThat(notes.get("n1")).contains(new Note("n1", "still low", 3));
            assertThatThrownBy(() -> notes.put(new Note("n2", "changed", 1)))
                    .isInstanceOf(ConditionFailedException.class);
            assertThat(notes.get("n2")).contains(new Note("n2", "high", 9));
        }
    }

    @Test
    void amendingWhereNotAllowed_failsWithClearMessage() {
        List<String> log = new ArrayList<>();
        TestPlugin wrong = new TestPlugin("wrong", 0, log);
        wrong.hook =
                new Hook() {
                    @Override
                    public void before(HookContext c) {
                        if (c.operation() == Operation.PUT) {
                            c.respondWith(Map.of());
                        }
                    }
                };
        try (DynamORM db = db(x -> x.plugin(wrong))) {
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            assertThatThrownBy(() -> notes.put(new Note("n1", "x", 1)))
                    .isInstanceOf(PluginException.class)
                    .hasMessageEndingWith(
                            "respondWith is not allowed for operation PUT (see HookContext for what "
                                    + "each operation allows)");
        }
    }

    @Test
    void respondWith_servesGetWithoutRequest_andAfterHooksSeeIt() {
        List<String> log = new ArrayList<>();
        TestPlugin serving = new TestPlugin("serving", 0, log);
        List<Outcome> outcomes = new ArrayList<>();
        serving.hook =
                new Hook() {
                    @Override
                    public void before(HookContext c) {
                        if (c.operation() == Operation.GET) {
                            c.respondWith(
                                    Map.of(
                                            "id",
                                            AttributeValue.fromS("ghost"),
                                            "text",
                                            AttributeValue.fromS("boo"),
                                            "stars",
                                            AttributeValue.fromN("1")));
                        }
                    }

                    @Override
                    public void after(HookContext c, Outcome o) {
                        outcomes.add(o);
                    }
                };
        try (DynamORM db = db(x -> x.plugin(serving))) {
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            outcomes.clear();
            assertThat(notes.get("ghost")).contains(new Note("ghost", "boo", 1));
            assertThat(outcomes)
                    .singleElement()
                    .satisfies(
                            o -> {
                                assertThat(o.servedByHook()).isTrue();
                                assertThat(o.attempts()).isZero();
                            });
            assertThat(local.client().scan(r -> r.tableName(notes.tableName())).count()).isZero();
        }
    }

    @Test
    void itemTransforms_runOnWriteAndRead_andHooksSeeItemsRequestsAndCapacity() {
        List<String> log = new ArrayList<>();
        TestPlugin upper = new TestPlugin("upper", 0, log);
        List<HookContext> seen = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        upper.hook =
                new Hook() {
                    @Override
                    public Map<String, AttributeValue> beforeWrite(
                            ItemContext c, Map<String, AttributeValue> item) {
                        Map<String, AttributeValue> out = new HashMap<>(item);
                        out.put("text", AttributeValue.fromS("enc:" + item.get("text").s()));
                        return out;
                    }

                    @Override
                    public Map<String, AttributeValue> afterRead(
                            ItemContext c, Map<String, AttributeValue> item) {
                        Map<String, AttributeValue> out = new HashMap<>(item);
                        out.put("text", AttributeValue.fromS(item.get("text").s().substring(4)));
                        return out;
                    }

                    @Override
                    public void after(HookContext c, Outcome o) {
                        seen.add(c);
                        outcomes.add(o);
                    }

                    @Override
                    public boolean wantsConsumedCapacity() {
                        return true;
                    }
                };
        try (DynamORM db = db(x -> x.plugin(upper))) {
            Table<Note> notes = db.table(Note.class);
            notes.createTable();
            seen.clear();
            outcomes.clear();
            notes.put(new Note("n1", "secret", 4));
            Map<String, AttributeValue> stored =
                    local.client()
                            .getItem(
                                    r ->
                                            r.tableName(notes.tableName())
                                                    .key(Map.of("id", AttributeValue.fromS("n1"))))
                            .item();
            assertThat(stored.get("text").s()).isEqualTo("enc:secret");
            assertThat(notes.get("n1")).contains(new Note("n1", "secret", 4));
            HookContext put = seen.get(0);
            assertThat(put.operation()).isEqualTo(Operation.PUT);
            assertThat(put.request()).containsInstanceOf(PutItemRequest.class);
            assertThat(put.items())
                    .singleElement()
                    .satisfies(
                            ref -> {
                                assertThat(ref.action()).isEqualTo(ItemRef.Action.PUT);
                                assertThat(ref.key())
                                        .isEqualTo(Map.of("id", AttributeValue.fromS("n1")));
                                assertThat(ref.changedAttributes())
                                        .containsExactlyInAnyOrder("text", "stars");
                                assertThat(ref.modelType()).contains(Note.class);
                            });
            assertThat(put.model())
                    .hasValueSatisfying(
                            m -> {
                                assertThat(m.tableName()).isEqualTo(notes.tableName());
                                assertThat(m.partitionKeyAttribute()).isEqualTo("id");
                                assertThat(m.attributeNames()).containsKeys("id", "text", "stars");
                            });
            assertThat(outcomes.get(0).attempts()).isEqualTo(1);
            assertThat(outcomes.get(0).consumedCapacity())
                    .extracting(ConsumedCapacity::tableName)
                    .containsExactly(notes.tableName());
        }
    }

    @Test
    void noPlugins_meansNoHookMachinery() {
        assertNoHookMachinery(db(x -> x.discoverPlugins(false)));
    }

    @Test
    void discoveryFindingNoPlugin_meansNoHookMachinery_andStatisticsStillWork() {
        // plugin discovery on (the default); no plugin jar is on this module's test path
        assertNoHookMachinery(db(x -> {}));
    }

    /** No plugin, no hooks; a plugin host is made for the first statistic published. */
    private static void assertNoHookMachinery(DynamORM built) {
        try (DynamORM db = built) {
            assertThat(db.plugins()).isEmpty();
            assertThat(db.statistics()).isEmpty();
            Table<Note> notes = db.table(Note.class);
            assertThat(((DefaultTable<Note>) notes).model()).isNotInstanceOf(HookedModel.class);
            assertThat(((DefaultTable<Note>) notes).context().executor().hasHooks()).isFalse();
            assertThat(((DefaultTable<Note>) notes).context().executor().hooks())
                    .isSameAs(HookChain.EMPTY);
            db.publish(Statistic.counter("notes.fed", "notes fed", Map.of(), () -> 3));
            assertThat(db.statistics())
                    .singleElement()
                    .satisfies(s -> assertThat(s.name()).isEqualTo("notes.fed"));
            assertThat(db.plugins()).isEmpty();
        }
    }

    @Test
    void twoPluginsWithOneName_failTheBuild() {
        List<String> log = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                db(
                                        x ->
                                                x.plugin(new TestPlugin("same", 0, log))
                                                        .plugin(
                                                                new SecondPlugin(
                                                                        new TestPlugin(
                                                                                "same", 1, log)))))
                .isInstanceOf(PluginException.class)
                .hasMessage(
                        "two plugins are named 'same': "
                                + TestPlugin.class.getName()
                                + " and "
                                + SecondPlugin.class.getName()
                                + "; disable one of them or register only one");
    }

    @Test
    void statistics_publishedBeforeOrAfterAListener_reachIt() {
        List<String> log = new ArrayList<>();
        List<String> received = new ArrayList<>();
        TestPlugin publisher = new TestPlugin("pub", 5, log);
        publisher.init =
                c -> c.publish(Statistic.gauge("test.size", "size", Map.of("k", "v"), () -> 42));
        TestPlugin listener = new TestPlugin("listen", 0, log);
        listener.init = c -> c.onStatistic(s -> received.add(s.name() + "=" + s.value()));
        try (DynamORM db = db(x -> x.plugin(publisher).plugin(new SecondPlugin(listener)))) {
            assertThat(received).contains("test.size=42.0");
            assertThat(db.statistics()).extracting(Statistic::name).contains("test.size");
        }
    }
}
