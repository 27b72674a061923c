package dev.dynamorm.local.internal.engine;

import dev.dynamorm.local.internal.value.Value;
import java.util.Map;

/** A pending write of one item: {@code item} null means delete. */
record Change(Table table, PrimaryKey key, Map<String, Value> item) {}
