/**
 * The query engine: query specs, the compiler with index selection and the default scorer, the
 * bounded plan cache, the cursor codec and the page reader. Internal and unsupported: it may change
 * at any time.
 */
package dev.dynamorm.engine.internal.query;
