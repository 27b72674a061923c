/**
 * Assertions: AssertJ assertions on the plan of a query ({@link
 * dev.dynamorm.test.assertions.QueryAssert}) and on the requests a test sent ({@link
 * dev.dynamorm.test.assertions.RequestsAssert}, {@link
 * dev.dynamorm.test.assertions.RecordedRequestAssert}), recorded by a {@link
 * dev.dynamorm.test.assertions.RequestRecorder}.
 *
 * <p>Start from {@link dev.dynamorm.test.assertions.DynamoAssertions}: {@code import static
 * dev.dynamorm.test.assertions.DynamoAssertions.*;}.
 */
package dev.dynamorm.test.assertions;
