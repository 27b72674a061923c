package dev.dynamorm.engine.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.InvalidCursorException;
import dev.dynamorm.Operation;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class CursorCodecTest {

    private static final List<String> KEY = List.of("pk", "sk", "gsiPk");
    private static final Map<String, AttributeValue> VALUES =
            Map.of(":v0", AttributeValue.fromS("c-1"));

    private static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("c-1 😀 #:()"));
        item.put("sk", AttributeValue.fromN("42.5"));
        item.put(
                "gsiPk",
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})));
        item.put("other", AttributeValue.fromS("not in the cursor"));
        return item;
    }

    private static byte[] fingerprint(String shape, String index, boolean descending) {
        return CursorCodec.fingerprint(String.class, "t", shape, index, descending, VALUES);
    }

    private static Map<String, AttributeValue> decode(
            String cursor, byte[] fp, String index, boolean desc) {
        return CursorCodec.decode(cursor, fp, index, desc, KEY, String.class, Operation.QUERY);
    }

    @Test
    void encode_isUrlSafe_andDecodesToTheKey() {
        byte[] fp = fingerprint("shape", "idx", false);
        String cursor = CursorCodec.encode(fp, "idx", false, KEY, item());
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        Map<String, AttributeValue> key = decode(cursor, fp, "idx", false);
        assertThat(key).containsOnlyKeys("pk", "sk", "gsiPk");
        assertThat(key.get("pk").s()).isEqualTo("c-1 😀 #:()");
        assertThat(key.get("sk").n()).isEqualTo("42.5");
        assertThat(key.get("gsiPk").b().asByteArray()).containsExactly(0, 1, 255);
    }

    @Test
    void fingerprint_dependsOnValuesShapeIndexAndDirection() {
        byte[] base = fingerprint("shape", null, false);
        assertThat(base).isNotEqualTo(fingerprint("shape2", null, false));
        assertThat(base).isNotEqualTo(fingerprint("shape", "idx", false));
        assertThat(base).isNotEqualTo(fingerprint("shape", null, true));
        assertThat(base)
                .isNotEqualTo(
                        CursorCodec.fingerprint(
                                String.class,
                                "t",
                                "shape",
                                null,
                                false,
                                Map.of(":v0", AttributeValue.fromS("c-2"))));
        assertThat(base)
                .isNotEqualTo(
                        CursorCodec.fingerprint(Integer.class, "t", "shape", null, false, VALUES));
        assertThat(base).isEqualTo(fingerprint("shape", null, false));
    }

    @Test
    void decode_rejectsCursorsOfOtherQueries() {
        byte[] fp = fingerprint("shape", null, false);
        String cursor = CursorCodec.encode(fp, null, false, KEY, item());
        assertThatThrownBy(() -> decode(cursor, fingerprint("other", null, false), null, false))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        "cursor for model java.lang.String was made by another query (other model, conditions, "
                                + "values, projection or read mode): a cursor only continues the query that returned it");
        assertThatThrownBy(() -> decode(cursor, fingerprint("shape", "idx", false), "idx", false))
                .hasMessage(
                        "cursor for model java.lang.String was made by a query on the table, but this query reads "
                                + "index 'idx': a cursor only continues the query that returned it");
        assertThatThrownBy(() -> decode(cursor, fingerprint("shape", null, true), null, true))
                .hasMessage(
                        "cursor for model java.lang.String was made by a query in ASC order, but this query reads "
                                + "in DESC order: a cursor only continues the query that returned it");
        assertThatThrownBy(
                        () ->
                                CursorCodec.decode(
                                        cursor,
                                        fp,
                                        null,
                                        false,
                                        List.of("pk", "sk"),
                                        String.class,
                                        Operation.QUERY))
                .hasMessage(
                        "cursor for model java.lang.String does not carry the key of this "
                                + "query's table or index");
    }

    @Test
    void decode_rejectsEveryAlteredByte() {
        byte[] fp = fingerprint("shape", null, false);
        String cursor = CursorCodec.encode(fp, null, false, KEY, item());
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x10;
            String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
            assertThatThrownBy(() -> decode(altered, fp, null, false))
                    .as("byte %d", i)
                    .isInstanceOf(InvalidCursorException.class);
        }
        for (int n = 0; n < bytes.length; n++) {
            String cut =
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(java.util.Arrays.copyOf(bytes, n));
            assertThatThrownBy(() -> decode(cut, fp, null, false))
                    .as("length %d", n)
                    .isInstanceOf(InvalidCursorException.class);
        }
        assertThatThrownBy(() -> decode("%%%", fp, null, false))
                .hasMessage(
                        "cursor for model java.lang.String is not a DynamORM cursor (not URL-safe Base64)");
    }
}
