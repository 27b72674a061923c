/**
 * Generated twins of the benchmark models in {@code generated}: the same field types on other
 * tables, in a package of their own so that the {@code generated} package's schema provider (and
 * every benchmark that loads it) stays as it was. {@code RegistrationBenchmark}'s {@code
 * *TypesInUse_generated} cases register them first.
 */
package dev.dynamorm.benchmarks.generated.twins;
