/**
 * The DynamoDB JSON 1.0 protocol over HTTP (the loopback listener and its limits, host,
 * authorization and CORS checks) and in-process (the SDK HTTP client that calls the engine).
 */
package dev.dynamorm.local.internal.http;
