package dev.dynamorm.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamorm.DynamORM;
import dev.dynamorm.DynamORMConfig;
import dev.dynamorm.EngineProvider;
import dev.dynamorm.Plugin;
import dev.dynamorm.PluginException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Which engine {@code DynamORM.builder().build()} uses: DynamORM's own when it is present, found on
 * the class path by name without a {@code ServiceLoader} scan (which would create every listed
 * provider to learn its priority); when it is absent, the listed provider of the highest priority.
 * The module-path case is run by {@code PluginsModulePathTest} and it-tests' {@code
 * ModulePathTest}.
 */
final class EngineDiscoveryTest {

    /** An engine ranked above DynamORM's own; counts how often it is created. */
    public static final class RankedEngine implements EngineProvider {
        static final AtomicInteger CREATED = new AtomicInteger();

        /** For ServiceLoader. */
        public RankedEngine() {
            CREATED.incrementAndGet();
        }

        @Override
        public DynamORM create(DynamORMConfig config) {
            throw new IllegalStateException("the ranked engine was chosen");
        }

        @Override
        public int priority() {
            return 100;
        }
    }

    @Test
    void ownEngine_isUsed_withoutCreatingAnyListedProvider(@TempDir Path services)
            throws IOException {
        int before = RankedEngine.CREATED.get();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                        ServiceFiles.loaderListing(
                                services, EngineProvider.class, RankedEngine.class);
                DynamoDbClient client =
                        DynamoDbClient.builder()
                                .region(Region.US_EAST_1)
                                .endpointOverride(URI.create("http://localhost:1"))
                                .credentialsProvider(AnonymousCredentialsProvider.create())
                                .build()) {
            thread.setContextClassLoader(loader);
            try (DynamORM db = DynamORM.builder().client(client).discoverPlugins(false).build()) {
                assertThat(db).isInstanceOf(DefaultDynamORM.class);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        assertThat(RankedEngine.CREATED.get()).as("providers created by a scan").isEqualTo(before);
    }

    @Test
    void ownEngineFailingToBuild_throwsItsOwnException_withoutCreatingAnyListedProvider(
            @TempDir Path services) throws IOException {
        int before = RankedEngine.CREATED.get();
        RuntimeException boom = new IllegalStateException("the plugin cannot start");

        Throwable thrown =
                buildFailure(
                        services,
                        failingPlugin(
                                () -> {
                                    throw boom;
                                }));

        // the engine's own failure, not a reflective wrapper nor another engine's answer
        assertThat(thrown)
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("'failing'")
                .hasRootCause(boom);
        assertThat(RankedEngine.CREATED.get()).as("providers created by a scan").isEqualTo(before);
    }

    @Test
    void ownEngineFailingToBuildWithAnError_throwsThatError(@TempDir Path services)
            throws IOException {
        int before = RankedEngine.CREATED.get();
        Error error = new AssertionError("the plugin broke");

        Throwable thrown =
                buildFailure(
                        services,
                        failingPlugin(
                                () -> {
                                    throw error;
                                }));

        assertThat(thrown).isSameAs(error);
        assertThat(RankedEngine.CREATED.get()).as("providers created by a scan").isEqualTo(before);
    }

    /** A registered plugin named "failing" whose initialization runs {@code failure}. */
    private static Plugin failingPlugin(Runnable failure) {
        return new Plugin() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void initialize(dev.dynamorm.PluginContext context) {
                failure.run();
            }
        };
    }

    /**
     * What {@code build()} throws with {@code plugin} registered, under a context class loader that
     * lists {@link RankedEngine} as an engine provider (the own engine is on the class path too).
     */
    private static Throwable buildFailure(Path services, Plugin plugin) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                        ServiceFiles.loaderListing(
                                services, EngineProvider.class, RankedEngine.class);
                DynamoDbClient client =
                        DynamoDbClient.builder()
                                .region(Region.US_EAST_1)
                                .endpointOverride(URI.create("http://localhost:1"))
                                .credentialsProvider(AnonymousCredentialsProvider.create())
                                .build()) {
            thread.setContextClassLoader(loader);
            DynamORM.Builder builder =
                    DynamORM.builder().client(client).discoverPlugins(false).plugin(plugin);
            Throwable thrown = catchThrowable(builder::build);
            assertThat(thrown).as("what build() threw").isNotNull();
            return thrown;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void withoutTheOwnEngine_theListedProviderOfTheHighestPriorityIsUsed(@TempDir Path dir)
            throws Exception {
        Path services = dir.resolve("services");
        Path file = services.resolve("META-INF/services/" + EngineProvider.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, RankedEngine.class.getName() + "\n");
        try (URLClassLoader loader = withoutOwnEngine(services)) {
            assertThatThrownBy(() -> build(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the ranked engine was chosen");
        }
    }

    @Test
    void withNoEngineAtAll_buildSaysWhatToAdd(@TempDir Path empty) throws Exception {
        try (URLClassLoader loader = withoutOwnEngine(empty)) {
            assertThatThrownBy(() -> build(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(
                            "no DynamORM engine found: add dev.dynamorm:dynamorm-engine");
        }
    }

    /** {@code DynamORM.builder().build()} of the API loaded by {@code loader}, under it. */
    private static void build(ClassLoader loader) throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> api = Class.forName(DynamORM.class.getName(), true, loader);
            Object builder = api.getMethod("builder").invoke(null);
            builder.getClass().getMethod("build").invoke(builder);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A loader with its own copy of the API and of this test's classes, over {@code services}, that
     * sees the SDK but neither the engine's classes nor any {@code dev.dynamorm} service file.
     */
    private static URLClassLoader withoutOwnEngine(Path services) throws IOException {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        ClassLoader noDynamORM =
                new ClassLoader(system) {
                    @Override
                    protected Class<?> loadClass(String name, boolean resolve)
                            throws ClassNotFoundException {
                        if (name.startsWith("dev.dynamorm.")) {
                            throw new ClassNotFoundException(name);
                        }
                        return super.loadClass(name, resolve);
                    }

                    @Override
                    public URL getResource(String name) {
                        return name.startsWith("META-INF/services/dev.dynamorm.")
                                ? null
                                : super.getResource(name);
                    }

                    @Override
                    public Enumeration<URL> getResources(String name) throws IOException {
                        return name.startsWith("META-INF/services/dev.dynamorm.")
                                ? Collections.emptyEnumeration()
                                : super.getResources(name);
                    }
                };
        return new URLClassLoader(
                new URL[] {
                    services.toUri().toURL(), location(DynamORM.class), location(RankedEngine.class)
                },
                noDynamORM);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
