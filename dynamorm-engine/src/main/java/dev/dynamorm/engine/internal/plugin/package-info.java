/**
 * The plugin layer: the plugin host, the hook chain, the events hooks see and the hooked model.
 * Internal and unsupported: it may change at any time.
 */
package dev.dynamorm.engine.internal.plugin;
