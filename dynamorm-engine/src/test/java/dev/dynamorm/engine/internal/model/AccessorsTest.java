package dev.dynamorm.engine.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.ModelDefinitionException;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class AccessorsTest {

    @DynamoTable("private")
    private record PrivateRecord(@PartitionKey String id, int count, long total) {}

    /** A package-private bean. */
    @DynamoTable("beans")
    static final class PackageBean {
        private String id;
        private boolean flag;

        public PackageBean() {}

        @PartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public boolean isFlag() {
            return flag;
        }

        public void setFlag(boolean flag) {
            this.flag = flag;
        }
    }

    private static ReflectiveField field(ModelMetadata<?> meta, String name) {
        return (ReflectiveField) meta.field(name);
    }

    @Test
    void accessors_onTheClassPath_areLambdasNotReflection() {
        ModelRegistry registry = TestConverters.registry();
        ModelMetadata<PrivateRecord> record = registry.metadata(PrivateRecord.class);
        ModelMetadata<PackageBean> bean = registry.metadata(PackageBean.class);

        // registration builds no lambda: the first calls go through reflection
        Accessors.Inflating<?> recordGetter =
                (Accessors.Inflating<?>) field(record, "count").getter();
        Accessors.Inflating<?> beanGetter = (Accessors.Inflating<?>) field(bean, "flag").getter();
        Accessors.Inflating<?> beanSetter = (Accessors.Inflating<?>) field(bean, "flag").setter();
        Accessors.Inflating<?> recordConstructor =
                (Accessors.Inflating<?>) ((ReflectiveModel<?>) record).recordConstructor();
        assertThat(recordGetter.fast()).isNull();
        assertThat(recordConstructor.fast()).isNull();
        assertThat(beanGetter.fast()).isNull();
        assertThat(beanSetter.fast()).isNull();

        PackageBean b = new PackageBean();
        b.setId("b");
        b.setFlag(true);
        PrivateRecord r = new PrivateRecord("r", 3, 4L);
        for (int i = 0; i <= Accessors.Inflating.THRESHOLD; i++) {
            PackageBean back = bean.fromItem(bean.toItem(b));
            assertThat(back.getId()).isEqualTo("b");
            assertThat(back.isFlag()).isTrue();
            assertThat(record.fromItem(record.toItem(r))).isEqualTo(r);
        }

        // then lambdas (hidden classes), not method handles
        assertThat(recordGetter.fast())
                .isNotInstanceOf(Accessors.HandleGetter.class)
                .satisfies(g -> assertThat(g.getClass().isHidden()).isTrue());
        assertThat(beanGetter.fast().getClass().isHidden()).isTrue();
        assertThat(beanSetter.fast().getClass().isHidden()).isTrue();
        assertThat(recordConstructor.fast()).isInstanceOf(Accessors.HandleConstructor.class);
        assertThat(bean.fromItem(bean.toItem(b)).isFlag()).isTrue();
        assertThat(record.fromItem(record.toItem(r))).isEqualTo(r);
    }

    @Test
    void accessors_whenTheGetterThrows_rethrowTheSameExceptionBeforeAndAfterInflating() {
        ModelRegistry registry = TestConverters.registry();
        ModelMetadata<ThrowingBean> bean = registry.metadata(ThrowingBean.class);
        ThrowingBean b = new ThrowingBean();
        for (int i = 0; i <= Accessors.Inflating.THRESHOLD + 1; i++) {
            assertThatThrownBy(() -> bean.toItem(b))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no name yet");
        }
    }

    /** A bean whose getter throws. */
    @DynamoTable("throwing")
    public static final class ThrowingBean {
        @PartitionKey
        public String getId() {
            return "t";
        }

        public void setId(String id) {}

        public String getName() {
            throw new IllegalStateException("no name yet");
        }

        public void setName(String name) {}
    }

    @Test
    void accessors_forcedToMethodHandles_stillRoundTrip() {
        Accessors.strategy = Accessors.Strategy.METHOD_HANDLES;
        try {
            ModelRegistry registry = TestConverters.registry();
            ModelMetadata<PrivateRecord> record = registry.metadata(PrivateRecord.class);
            ModelMetadata<PackageBean> bean = registry.metadata(PackageBean.class);

            assertThat(field(record, "count").getter()).isInstanceOf(Accessors.HandleGetter.class);
            assertThat(field(bean, "flag").setter()).isInstanceOf(Accessors.HandleSetter.class);
            PrivateRecord r = new PrivateRecord("r", 3, 4L);
            assertThat(record.fromItem(record.toItem(r))).isEqualTo(r);
            assertThat(record.fromItem(Map.of("id", AttributeValue.fromS("r"))))
                    .isEqualTo(new PrivateRecord("r", 0, 0));
            PackageBean b = new PackageBean();
            b.setId("b");
            b.setFlag(true);
            assertThat(bean.fromItem(bean.toItem(b)).isFlag()).isTrue();
        } finally {
            Accessors.strategy = Accessors.Strategy.AUTO;
        }
    }

    @Test
    void accessMessage_forANamedEngineModule_namesTheOpensDirective() {
        assertThat(Accessors.accessMessage(AccessorsTest.class, Object.class.getModule()))
                .isEqualTo(
                        "cannot access dev.dynamorm.engine.internal.model.AccessorsTest: open package "
                                + "dev.dynamorm.engine.internal.model to module java.base (add 'opens "
                                + "dev.dynamorm.engine.internal.model to java.base;' to module-info.java)");
    }

    // ---------------------------------------------------------------- real modules

    private static final String MODULE_INFO =
            """
            module com.acme.shop {
                exports com.acme.shop.api;
                opens com.acme.shop.open;
            }
            """;

    private static ModuleLayer compileModule(Path dir) throws IOException {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), MODULE_INFO);
        write(
                src.resolve("com/acme/shop/api/Point.java"),
                "package com.acme.shop.api; public record Point(int x, int y) {}");
        write(
                src.resolve("com/acme/shop/api/Label.java"),
                """
                package com.acme.shop.api;
                public class Label {
                    private String text;
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                }
                """);
        write(
                src.resolve("com/acme/shop/hidden/Secret.java"),
                "package com.acme.shop.hidden; public record Secret(int x) {}");
        write(
                src.resolve("com/acme/shop/open/Hidden.java"),
                "package com.acme.shop.open; record Hidden(int x, String name) {}");
        Path out = dir.resolve("out");
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        try (var files = Files.walk(src)) {
            List<String> args =
                    new java.util.ArrayList<>(List.of("--release", "17", "-d", out.toString()));
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            assertThat(javac.run(System.out, System.err, args.toArray(String[]::new))).isZero();
        }
        Configuration cf =
                ModuleLayer.boot()
                        .configuration()
                        .resolve(ModuleFinder.of(out), ModuleFinder.of(), Set.of("com.acme.shop"));
        return ModuleLayer.boot()
                .defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @SuppressWarnings("unchecked")
    @Test
    void nestedMetadata_typesInANamedModule_useOpensOrExportsOrFailNamingTheFix(@TempDir Path dir)
            throws Exception {
        ModuleLayer layer = compileModule(dir);
        ClassLoader loader = layer.findLoader("com.acme.shop");
        ModelRegistry registry = TestConverters.registry();

        // exported, not opened: public members through the engine's own access
        Class<Object> point = (Class<Object>) loader.loadClass("com.acme.shop.api.Point");
        ModelMetadata<Object> pointMeta = registry.nestedMetadata(point);
        Object p = point.getConstructor(int.class, int.class).newInstance(1, 2);
        Map<String, AttributeValue> item = pointMeta.toItem(p);
        assertThat(item)
                .containsEntry("x", AttributeValue.fromN("1"))
                .containsEntry("y", AttributeValue.fromN("2"));
        assertThat(pointMeta.fromItem(item)).isEqualTo(p);

        Class<Object> label = (Class<Object>) loader.loadClass("com.acme.shop.api.Label");
        ModelMetadata<Object> labelMeta = registry.nestedMetadata(label);
        Object l = labelMeta.fromItem(Map.of("text", AttributeValue.fromS("hi")));
        assertThat(labelMeta.toItem(l)).containsEntry("text", AttributeValue.fromS("hi"));

        // opened: even a package-private record, through method handles
        Class<Object> hidden = (Class<Object>) loader.loadClass("com.acme.shop.open.Hidden");
        ModelMetadata<Object> hiddenMeta = registry.nestedMetadata(hidden);
        Object h =
                hiddenMeta.fromItem(
                        Map.of("x", AttributeValue.fromN("5"), "name", AttributeValue.fromS("n")));
        assertThat(hiddenMeta.toItem(h)).containsEntry("x", AttributeValue.fromN("5"));
        Accessors.Inflating<?> hiddenGetter =
                (Accessors.Inflating<?>) ((ReflectiveField) hiddenMeta.field("x")).getter();
        for (int i = 0; i <= Accessors.Inflating.THRESHOLD; i++) {
            assertThat(hiddenMeta.toItem(h)).containsEntry("x", AttributeValue.fromN("5"));
        }
        // the engine cannot define a lambda next to a class of another loader: method handles
        assertThat(hiddenGetter.fast()).isInstanceOf(Accessors.HandleGetter.class);

        // neither exported nor opened
        Class<?> secret = loader.loadClass("com.acme.shop.hidden.Secret");
        assertThatThrownBy(() -> registry.nestedMetadata(secret))
                .isInstanceOf(ModelDefinitionException.class)
                .hasMessage(
                        "cannot access com.acme.shop.hidden.Secret: open package com.acme.shop.hidden to the "
                                + "DynamORM engine (add 'opens com.acme.shop.hidden;' to module-info.java, or 'opens "
                                + "com.acme.shop.hidden to dev.dynamorm.engine;' when the engine is on the module path)");
    }
}
