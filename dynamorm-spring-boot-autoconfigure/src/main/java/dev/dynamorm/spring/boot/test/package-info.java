/** Spring test support: the {@link dev.dynamorm.spring.boot.test.DynamORMTest} slice. */
package dev.dynamorm.spring.boot.test;
