package dev.dynamorm.plugin.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.PluginException;
import dev.dynamorm.local.LocalDynamoDb;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plugin names in the builder's configuration that match no plugin fail the build. */
final class PluginNamesTest {

    private static LocalDynamoDb local;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void disablingAnUnknownPlugin_failsTheBuildWithADidYouMean() {
        assertThatThrownBy(
                        () ->
                                DynamORM.builder()
                                        .client(local.client())
                                        .disablePlugin("cahce")
                                        .build())
                .isInstanceOf(PluginException.class)
                .hasMessage(
                        "disablePlugin(\"cahce\") names no plugin; did you mean 'cache'? plugins found: [cache]");
        try (DynamORM db =
                DynamORM.builder().client(local.client()).disablePlugin("cache").build()) {
            assertThat(db.plugins()).isEmpty();
        }
        // a plugin whose jar is absent (nothing found is close to it) may be disabled just in case
        try (DynamORM db =
                DynamORM.builder().client(local.client()).disablePlugin("tracing").build()) {
            assertThat(db.plugins()).containsExactly("cache");
        }
    }

    @Test
    void propertiesOfAnUnknownPlugin_failTheBuildWithADidYouMean() {
        Properties p = new Properties();
        p.setProperty("dynamorm.plugin.cahce.models", "Order");
        assertThatThrownBy(
                        () -> DynamORM.builder().client(local.client()).pluginProperties(p).build())
                .isInstanceOf(PluginException.class)
                .hasMessage(
                        "properties given for plugin 'cahce' (dynamorm.plugin.cahce.*), which is not on the path; "
                                + "did you mean 'cache'? plugins found: [cache]");
        Properties disabled = new Properties();
        disabled.setProperty("dynamorm.plugin.cache.models", "Order");
        disabled.setProperty("dynamorm.plugins.disabled", "cache");
        try (DynamORM db =
                DynamORM.builder().client(local.client()).pluginProperties(disabled).build()) {
            assertThat(db.plugins()).isEmpty(); // configured but disabled: fine
        }
        Properties absent = new Properties();
        absent.setProperty("dynamorm.plugin.tracing.anything", "x"); // its jar is not here: warned
        try (DynamORM db =
                DynamORM.builder().client(local.client()).pluginProperties(absent).build()) {
            assertThat(db.plugins()).containsExactly("cache");
        }
    }
}
