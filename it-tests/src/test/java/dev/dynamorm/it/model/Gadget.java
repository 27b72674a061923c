package dev.dynamorm.it.model;

import dev.dynamorm.annotations.Attribute;
import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;
import dev.dynamorm.annotations.SortKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model with one field of each kind an operator can apply to: strings, numbers, booleans, a
 * nested record, a list, string and number sets, a map, and renamed attributes (one a reserved
 * word).
 */
@DynamoTable("gadgets")
public record Gadget(
        @PartitionKey String shop,
        @SortKey String sku,
        @Attribute("name") String title,
        long price,
        int stock,
        boolean active,
        Address address,
        List<String> tags,
        Set<String> labels,
        Set<Integer> sizes,
        Map<String, Integer> counts,
        @Attribute("comment") String note) {}
