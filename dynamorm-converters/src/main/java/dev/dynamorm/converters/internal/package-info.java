/**
 * The built-in converters. Internal and unsupported: not exported, may change at any time. The only
 * public type is {@link dev.dynamorm.converters.internal.BuiltInConverterProvider}, public because
 * {@link java.util.ServiceLoader} instantiates it.
 */
package dev.dynamorm.converters.internal;
