/** Implementation of the streams module: unsupported, may change at any time. */
package dev.dynamorm.streams.internal;
