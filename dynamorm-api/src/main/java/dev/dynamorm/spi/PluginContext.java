package dev.dynamorm.spi;

import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What a plugin receives when it is initialized. */
public interface PluginContext {

    /**
     * The clock every DynamORM timestamp comes from.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * The client DynamORM sends requests with.
     *
     * @return the client
     */
    DynamoDbClient client();

    /**
     * The plugin's configuration properties (keys without the plugin-name prefix).
     *
     * @return the properties, possibly empty
     */
    Map<String, String> properties();
}
