/**
 * Copies of the benchmark models in {@code model}, compiled with {@code dynamorm-processor}:
 * DynamORM maps them through their generated schemas, while the originals stay on the reflective
 * path, so that one run measures both ("generated" rows next to the "dynamorm" rows in RESULTS.md).
 */
package dev.dynamorm.benchmarks.generated;
