package dev.dynamorm.test.internal;

import dev.dynamorm.Converter;
import java.lang.reflect.Type;

/**
 * One mapped field of a model as the test kit reads it.
 *
 * @param name the Java field name
 * @param type the declared generic type
 * @param attribute the {@code @Attribute} name, else the Java name (the kit compares unique values
 *     by it, so the engine's naming convention does not matter here)
 * @param partitionKey whether it is the {@code @PartitionKey} field
 * @param sortKey whether it is the {@code @SortKey} field
 * @param unique whether it is {@code @Unique}
 * @param ttl whether it is the {@code @Ttl} field (stored with the engine's own converter)
 * @param ownConverter whether it names its converter with {@code @Convert}
 * @param converter that converter, or null when it does not name one or it cannot be created
 */
public record KitField(
        String name,
        Type type,
        String attribute,
        boolean partitionKey,
        boolean sortKey,
        boolean unique,
        boolean ttl,
        boolean ownConverter,
        Converter<?> converter) {}
