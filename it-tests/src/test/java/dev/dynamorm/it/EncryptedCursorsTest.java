package dev.dynamorm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.DynamORM;
import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.Page;
import dev.dynamorm.Query;
import dev.dynamorm.it.model.Order;
import dev.dynamorm.test.BackendContext;
import dev.dynamorm.test.DynamoBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code cursorKey(..)}: cursors that do not show their key values and cannot be made or altered.
 */
@DynamoBackend(models = Order.class)
final class EncryptedCursorsTest {

    private static final SecretKey KEY = new SecretKeySpec(new byte[32], "AES");
    private static final SecretKey OTHER_KEY =
            new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "AES");

    private DynamORM encrypting;
    private DynamORM plain;
    private DynamORM otherKey;

    @BeforeEach
    void setUp(DynamoDbClient client, BackendContext backend) {
        encrypting = build(client, backend).cursorKey(KEY).build();
        plain = build(client, backend).build();
        otherKey = build(client, backend).cursorKey(OTHER_KEY).build();
        for (int i = 1; i <= 5; i++) {
            plain.table(Order.class).put(Order.of("customer-secret", "order-" + i, "NEW", i));
        }
    }

    @AfterEach
    void tearDown() {
        encrypting.close();
        plain.close();
        otherKey.close();
    }

    private static DynamORM.Builder build(DynamoDbClient client, BackendContext backend) {
        return DynamORM.builder().client(client).tableNamePrefix(backend.tableNamePrefix());
    }

    private static Query<Order> query(DynamORM db) {
        return db.table(Order.class).where("customerId", "=", "customer-secret").limit(2);
    }

    @Test
    void encryptedCursors_pageThroughEverything_withoutShowingTheKeyValues() {
        List<String> seen = new ArrayList<>();
        Page<Order> page = query(encrypting).page();
        seen.addAll(page.items().stream().map(Order::orderId).toList());
        while (page.hasNext()) {
            String decoded =
                    new String(
                            Base64.getUrlDecoder().decode(page.cursor()),
                            StandardCharsets.ISO_8859_1);
            assertThat(decoded).doesNotContain("customer-secret").doesNotContain("order-");
            page = query(encrypting).after(page.cursor()).page();
            seen.addAll(page.items().stream().map(Order::orderId).toList());
        }
        assertThat(seen).containsExactly("order-1", "order-2", "order-3", "order-4", "order-5");

        String plainCursor = query(plain).page().cursor();
        assertThat(new String(Base64.getUrlDecoder().decode(plainCursor), StandardCharsets.UTF_8))
                .as("without cursorKey the key values are readable, as the README says")
                .contains("customer-secret");
    }

    @Test
    void aCursorIsRefused_byAnInstanceWithoutTheKey_withAnotherKey_orWhenAltered() {
        String cursor = query(encrypting).page().cursor();
        String model = "cursor for model dev.dynamorm.it.model.Order ";

        assertThatThrownBy(() -> query(plain).after(cursor).page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        model
                                + "is encrypted: continue it with an instance built with the same"
                                + " cursorKey(..)");
        assertThatThrownBy(() -> query(otherKey).after(cursor).page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        model
                                + "does not decrypt with this instance's cursor key: it was altered"
                                + " or made with another key");
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[bytes.length / 2] ^= 1;
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> query(encrypting).after(altered).page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("it was altered or made with another key");
        String plainCursor = query(plain).page().cursor();
        assertThatThrownBy(() -> query(encrypting).after(plainCursor).page())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        model
                                + "is not encrypted, and this instance encrypts its cursors"
                                + " (cursorKey): start the query again without after(..)");
    }

    @Test
    void cursorKey_refusesWhatIsNotAnAesKey() {
        assertThatThrownBy(
                        () -> DynamORM.builder().cursorKey(new SecretKeySpec(new byte[10], "AES")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cursorKey needs an AES key of 16, 24 or 32 bytes, got AES of 10 bytes");
    }
}
