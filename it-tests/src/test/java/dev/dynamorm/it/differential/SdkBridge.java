package dev.dynamorm.it.differential;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Sends a request written as DynamoDB wire JSON through a real {@link DynamoDbClient}: the JSON is
 * turned into the SDK's request object through its own field metadata, so the SDK serializes it as
 * for any user, and the response (or error) is turned back into wire-shaped JSON.
 */
final class SdkBridge {
    private static final String MODEL = "software.amazon.awssdk.services.dynamodb.model.";

    private SdkBridge() {}

    /**
     * Runs {@code operation} with the JSON request; returns the response as JSON or an error
     * object.
     */
    static Map<String, Object> call(
            DynamoDbClient client, String operation, Map<String, Object> request) {
        Object sdkRequest;
        Method method;
        try {
            Class<?> type = Class.forName(MODEL + operation + "Request");
            Object builder = type.getMethod("builder").invoke(null);
            fill((SdkPojo) builder, request);
            sdkRequest = ((SdkBuilder<?, ?>) builder).build();
            method =
                    DynamoDbClient.class.getMethod(
                            Character.toLowerCase(operation.charAt(0)) + operation.substring(1),
                            type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("unknown operation " + operation, e);
        }
        try {
            return toJson((SdkPojo) method.invoke(client, sdkRequest));
        } catch (InvocationTargetException e) {
            return error(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> error(Throwable t) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (t instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            out.put("error", ase.awsErrorDetails().errorCode());
            out.put("message", ase.awsErrorDetails().errorMessage());
            out.put("status", ase.statusCode());
            if (t instanceof TransactionCanceledException tce && tce.hasCancellationReasons()) {
                List<Object> reasons = new ArrayList<>();
                for (CancellationReason r : tce.cancellationReasons()) {
                    reasons.add(toJson(r));
                }
                out.put("CancellationReasons", reasons);
            }
            if (t instanceof ConditionalCheckFailedException ccf && ccf.hasItem()) {
                out.put("Item", value(null, ccf.item()));
            }
        } else {
            out.put("error", "client:" + t.getClass().getSimpleName());
            out.put("message", String.valueOf(t.getMessage()));
        }
        return out;
    }

    // ---- JSON -> SDK

    @SuppressWarnings("unchecked")
    private static void fill(SdkPojo builder, Map<String, Object> json) {
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        for (SdkField<?> f : builder.sdkFields()) {
            fields.put(f.locationName(), f);
        }
        for (Map.Entry<String, Object> e : json.entrySet()) {
            SdkField<?> f = fields.get(e.getKey());
            if (f == null) {
                throw new IllegalArgumentException(
                        "no member "
                                + e.getKey()
                                + " in "
                                + builder.getClass().getName()
                                + "; members: "
                                + fields.keySet());
            }
            f.set(builder, convert(f, e.getValue()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object convert(SdkField<?> f, Object v) {
        if (v == null) {
            return null;
        }
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.STRING) {
            return v instanceof String ? v : String.valueOf(v);
        } else if (t == MarshallingType.INTEGER) {
            return ((BigDecimal) v).intValueExact();
        } else if (t == MarshallingType.LONG) {
            return ((BigDecimal) v).longValueExact();
        } else if (t == MarshallingType.DOUBLE) {
            return ((BigDecimal) v).doubleValue();
        } else if (t == MarshallingType.FLOAT) {
            return ((BigDecimal) v).floatValue();
        } else if (t == MarshallingType.BIG_DECIMAL) {
            return v;
        } else if (t == MarshallingType.BOOLEAN) {
            return v;
        } else if (t == MarshallingType.INSTANT) {
            return Instant.ofEpochMilli(((BigDecimal) v).movePointRight(3).longValue());
        } else if (t == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode((String) v));
        } else if (t == MarshallingType.SDK_POJO) {
            SdkPojo b = f.constructor().get();
            fill(b, (Map<String, Object>) v);
            return ((SdkBuilder<?, ?>) b).build();
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>();
            for (Object o : (List<Object>) v) {
                out.add(convert(member, o));
            }
            return out;
        } else if (t == MarshallingType.MAP) {
            SdkField<?> member = f.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                out.put(e.getKey(), convert(member, e.getValue()));
            }
            return out;
        }
        throw new IllegalArgumentException(
                "unsupported member type " + t + " of " + f.memberName());
    }

    // ---- SDK -> JSON

    static Map<String, Object> toJson(SdkPojo pojo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = value(f, f.getValueOrDefault(pojo));
            if (v != null) {
                out.put(f.locationName(), v);
            }
        }
        return out;
    }

    private static Object value(SdkField<?> f, Object v) {
        if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
            return null;
        }
        if (v instanceof SdkPojo p) {
            return toJson(p);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(value(null, o));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), value(null, e.getValue()));
            }
            return out;
        }
        if (v instanceof SdkBytes b) {
            return java.util.Base64.getEncoder().encodeToString(b.asByteArray());
        }
        if (v instanceof Instant i) {
            return BigDecimal.valueOf(i.toEpochMilli(), 3);
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof Enum<?> e) {
            return e.toString().toUpperCase(Locale.ROOT);
        }
        return v;
    }
}
