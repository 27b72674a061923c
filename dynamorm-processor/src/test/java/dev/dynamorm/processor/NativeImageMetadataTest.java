package dev.dynamorm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamorm.DynamORMConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine's GraalVM reachability metadata is on its class path and names classes that exist. A
 * native image itself is not built here (no GraalVM distribution is reachable).
 */
final class NativeImageMetadataTest {

    private static final String PATH =
            "META-INF/native-image/dev.dynamorm/dynamorm-engine/reachability-metadata.json";

    private static String metadata() throws IOException {
        try (InputStream in =
                NativeImageMetadataTest.class.getClassLoader().getResourceAsStream(PATH)) {
            assertThat(in).as(PATH).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void engineMetadata_namesTheEngineProviderAndTheServiceFiles() throws Exception {
        String json = metadata();
        List<String> types = new ArrayList<>();
        Matcher m = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            types.add(m.group(1));
        }
        assertThat(types)
                .contains(
                        "dev.dynamorm.engine.internal.DefaultDynamORM",
                        "dev.dynamorm.engine.internal.DefaultEngineProvider");
        for (String type : types) {
            assertThat(Class.forName(type, false, getClass().getClassLoader())).isNotNull();
        }
        // the constructor DynamORMConfig creates the engine through, by name, on the class path
        assertThat(json)
                .contains("\"parameterTypes\": [\"" + DynamORMConfig.class.getName() + "\"]");
        assertThat(
                        Class.forName("dev.dynamorm.engine.internal.DefaultDynamORM")
                                .getConstructor(DynamORMConfig.class))
                .isNotNull();
        assertThat(json)
                .contains("\"glob\": \"META-INF/services/dev.dynamorm.*\"")
                .contains("\"glob\": \"META-INF/services/dev.dynamorm.spi.schema.*\"");
    }
}
