package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TableManagementSuite} on Embedded. */
@DynamoBackend(Backend.EMBEDDED)
final class TableManagementOnEmbeddedTest extends TableManagementSuite {}
