package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.error.DynamoException;
import dev.dynamorm.local.internal.wire.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vector index: the attribute holding the vectors, their dimensions, the distance function, the
 * search schema (an optional HASH attribute that partitions the index and inline filter attributes)
 * and the projection.
 */
record VectorIndexDef(
        String name,
        String attribute,
        int dimensions,
        String distance,
        String hashKey,
        List<String> inlineFilters,
        String projection,
        List<String> nonKeyAttributes) {

    /** The dimensions a vector index may have (the service quota). */
    static final int MAX_DIMENSIONS = 4096;

    VectorIndexDef {
        inlineFilters = List.copyOf(inlineFilters);
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** The attributes of the search schema, HASH first. */
    List<String> searchAttributes() {
        List<String> out = new ArrayList<>();
        if (hashKey != null) {
            out.add(hashKey);
        }
        out.addAll(inlineFilters);
        return out;
    }

    /**
     * Parses one {@code VectorIndex} (CreateTable) or {@code CreateVectorIndexAction}
     * (UpdateTable).
     *
     * @param types the attribute definitions of the request
     */
    static VectorIndexDef parse(Request r, Map<String, String> types) {
        String name = r.string("IndexName");
        TableMeta.validateTableName(name, "indexName");
        Request vectorAttribute = r.object("VectorAttribute");
        if (vectorAttribute == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'vectorAttribute' failed to satisfy constraint: Member must not be null");
        }
        String attribute = vectorAttribute.requiredString("AttributeName");
        Long dimensions = r.longValue("Dimensions");
        if (dimensions == null) {
            throw DynamoException.validation(
                    "1 validation error detected: Value null at 'dimensions' failed to satisfy constraint: Member must not be null");
        }
        if (dimensions < 1) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + dimensions
                            + "' at 'dimensions' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (dimensions > MAX_DIMENSIONS) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: Dimensions must be between 1 and "
                            + MAX_DIMENSIONS
                            + " for vector index: "
                            + name);
        }
        String distance = r.requiredString("DistanceFunction");
        if (!Set.of("COSINE", "DOT_PRODUCT", "EUCLIDEAN").contains(distance)) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '"
                            + distance
                            + "' at 'distanceFunction' failed to satisfy constraint: Member must satisfy enum value set: [COSINE, DOT_PRODUCT, EUCLIDEAN]");
        }
        String hash = null;
        List<String> filters = new ArrayList<>();
        List<Object> schema = r.list("SearchSchema");
        if (schema != null) {
            if (schema.isEmpty()) {
                throw DynamoException.validation(
                        "1 validation error detected: Value '[]' at 'searchSchema' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            Map<String, String> seen = new LinkedHashMap<>();
            for (Object o : schema) {
                Request e = Request.of(o);
                String a = e.requiredString("AttributeName");
                String type = e.requiredString("SearchSchemaElementType");
                if (!type.equals("HASH") && !type.equals("INLINE_FILTER")) {
                    throw DynamoException.validation(
                            "1 validation error detected: Value '"
                                    + type
                                    + "' at 'searchSchema.1.member.searchSchemaElementType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, INLINE_FILTER]");
                }
                if (!types.containsKey(a)) {
                    throw DynamoException.validation(
                            "One element in SearchSchema is not defined in attribute definitions");
                }
                if (seen.put(a, type) != null || a.equals(attribute)) {
                    throw DynamoException.validation(
                            "One or more parameter values were invalid: Duplicate attribute in SearchSchema of vector index: "
                                    + name);
                }
                if (type.equals("HASH")) {
                    if (hash != null) {
                        throw DynamoException.validation(
                                "One or more parameter values were invalid: SearchSchema of vector index "
                                        + name
                                        + " has more than one HASH element");
                    }
                    hash = a;
                } else {
                    filters.add(a);
                }
            }
        }
        Projection projection = Projection.of(r);
        String type = projection.type();
        List<String> nonKey = projection.nonKey();
        return new VectorIndexDef(
                name, attribute, dimensions.intValue(), distance, hash, filters, type, nonKey);
    }

    /** The index as DynamoDB describes it ({@code VectorIndexDescription}). */
    Map<String, Object> describe(String tableArn, long itemCount, long sizeBytes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("IndexName", name);
        d.put("VectorAttribute", Map.of("AttributeName", attribute));
        d.put("Dimensions", (long) dimensions);
        d.put("DistanceFunction", distance);
        List<Object> schema = new ArrayList<>();
        if (hashKey != null) {
            schema.add(Map.of("AttributeName", hashKey, "SearchSchemaElementType", "HASH"));
        }
        for (String f : inlineFilters) {
            schema.add(Map.of("AttributeName", f, "SearchSchemaElementType", "INLINE_FILTER"));
        }
        if (!schema.isEmpty()) {
            d.put("SearchSchema", schema);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ProjectionType", projection);
        if (!nonKeyAttributes.isEmpty()) {
            p.put("NonKeyAttributes", new ArrayList<Object>(nonKeyAttributes));
        }
        d.put("Projection", p);
        d.put("IndexStatus", "ACTIVE");
        d.put("IndexSizeBytes", sizeBytes);
        d.put("ItemCount", itemCount);
        d.put("IndexArn", tableArn + "/index/" + name);
        return d;
    }
}
