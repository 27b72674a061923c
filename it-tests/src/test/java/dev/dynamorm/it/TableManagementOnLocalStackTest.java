package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TableManagementSuite} on LocalStack. */
@DynamoBackend(Backend.LOCALSTACK)
final class TableManagementOnLocalStackTest extends TableManagementSuite {}
