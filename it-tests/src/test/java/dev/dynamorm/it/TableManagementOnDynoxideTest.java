package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TableManagementSuite} on Dynoxide. */
@DynamoBackend(Backend.DYNOXIDE)
final class TableManagementOnDynoxideTest extends TableManagementSuite {}
