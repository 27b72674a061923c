/** Test support shared through the dynamorm-api test jar: the package graph from jdeps. */
package dev.dynamorm.packages;
