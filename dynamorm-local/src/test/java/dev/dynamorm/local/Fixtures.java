package dev.dynamorm.local;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Small helpers shared by the tests. */
final class Fixtures {
    private Fixtures() {}

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(Object v) {
        return AttributeValue.fromN(String.valueOf(v));
    }

    static AttributeValue b(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(out));
    }

    static AttributeValue ss(String... v) {
        return AttributeValue.fromSs(Arrays.asList(v));
    }

    static AttributeValue ns(String... v) {
        return AttributeValue.fromNs(Arrays.asList(v));
    }

    static AttributeValue l(AttributeValue... v) {
        return AttributeValue.fromL(Arrays.asList(v));
    }

    static AttributeValue m(Object... kv) {
        return AttributeValue.fromM(item(kv));
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.fromBool(v);
    }

    static Map<String, AttributeValue> item(Object... kv) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AttributeValue) kv[i + 1]);
        }
        return m;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates a PAY_PER_REQUEST table with hash key "pk" (type) and optional range key "sk" (type).
     */
    static String table(
            DynamoDbClient client, ScalarAttributeType pkType, ScalarAttributeType skType) {
        String name = uniqueName("t");
        CreateTableRequest.Builder b =
                CreateTableRequest.builder()
                        .tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST);
        if (skType == null) {
            b.keySchema(
                            KeySchemaElement.builder()
                                    .attributeName("pk")
                                    .keyType(KeyType.HASH)
                                    .build())
                    .attributeDefinitions(
                            AttributeDefinition.builder()
                                    .attributeName("pk")
                                    .attributeType(pkType)
                                    .build());
        } else {
            b.keySchema(
                            KeySchemaElement.builder()
                                    .attributeName("pk")
                                    .keyType(KeyType.HASH)
                                    .build(),
                            KeySchemaElement.builder()
                                    .attributeName("sk")
                                    .keyType(KeyType.RANGE)
                                    .build())
                    .attributeDefinitions(
                            AttributeDefinition.builder()
                                    .attributeName("pk")
                                    .attributeType(pkType)
                                    .build(),
                            AttributeDefinition.builder()
                                    .attributeName("sk")
                                    .attributeType(skType)
                                    .build());
        }
        client.createTable(b.build());
        return name;
    }

    static String hashTable(DynamoDbClient client) {
        return table(client, ScalarAttributeType.S, null);
    }

    static String rangeTable(DynamoDbClient client) {
        return table(client, ScalarAttributeType.S, ScalarAttributeType.S);
    }

    static List<String> strings(List<Map<String, AttributeValue>> items, String attr) {
        return items.stream().map(i -> i.get(attr).s()).toList();
    }
}
