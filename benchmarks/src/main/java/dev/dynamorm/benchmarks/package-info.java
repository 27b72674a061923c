/**
 * The JMH benchmarks (marshalling, registration, client and async overhead, cold start, local
 * engine, streams decoding, plugins cost, query compilation) and what they share: canned SDK HTTP
 * clients that answer without a network, the workloads, and the servers and clients they start. Run
 * on an idle machine; RESULTS.md records the figures.
 */
package dev.dynamorm.benchmarks;
