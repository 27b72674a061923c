/** The engine's implementation. Internal and unsupported: not exported, may change at any time. */
package dev.dynamorm.engine.internal;
