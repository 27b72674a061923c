package dev.dynamorm.streams;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.local.LocalDynamoDb;
import dev.dynamorm.streams.Models.Order;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad consumer settings are refused by the builder, naming the setting, before anything runs. */
final class StreamConsumerBuilderTest {

    private static LocalDynamoDb local;
    private static DynamORM db;

    @BeforeAll
    static void start() {
        local = LocalDynamoDb.start();
        db = DynamORM.builder().client(local.client()).discoverPlugins(false).build();
    }

    @AfterAll
    static void stop() {
        db.close();
        local.close();
    }

    private static StreamConsumer.Builder<Order> builder() {
        return StreamConsumer.builder(db, Order.class);
    }

    @Test
    void outOfRangeSettings_areRefusedWithTheSettingAndValue() {
        assertThatThrownBy(() -> builder().streamArn(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("streamArn must not be blank");
        assertThatThrownBy(() -> builder().streamArn(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("streamArn");
        assertThatThrownBy(() -> builder().parallelism(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be between 1 and 64: 0");
        assertThatThrownBy(() -> builder().parallelism(65))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be between 1 and 64: 65");
        assertThatThrownBy(() -> builder().handlerRetries(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempts must be at least 1: 0");
        assertThatThrownBy(() -> builder().handlerRetries(2, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoff must not be negative: PT-0.001S");
        assertThatThrownBy(() -> builder().handlerRetries(2, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("backoff");
        assertThatThrownBy(() -> builder().discoveryInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discoveryInterval must not be negative: PT-1S");
        assertThatThrownBy(() -> builder().startPosition(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("position");
        assertThatThrownBy(() -> builder().clock(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("clock");
    }

    @Test
    void missingClientOrHandler_failsBuild() {
        assertThatThrownBy(() -> builder().handler(changes -> {}).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a streams client is required: call streamsClient(...)");
        assertThatThrownBy(
                        () ->
                                builder()
                                        .streamsClient(local.streamsClient())
                                        .createCheckpointTable(false)
                                        .parallelism(2)
                                        .handlerRetries(1, Duration.ZERO)
                                        .discoveryInterval(Duration.ZERO)
                                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a handler is required: call handler(...)");
    }
}
