/**
 * Model metadata: what the registry knows about each mapped record or bean. Internal and
 * unsupported: not exported, may change at any time.
 */
package dev.dynamorm.engine.internal.model;
