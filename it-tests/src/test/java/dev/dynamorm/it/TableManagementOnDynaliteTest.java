package dev.dynamorm.it;

import dev.dynamorm.test.Backend;
import dev.dynamorm.test.DynamoBackend;

/** {@link TableManagementSuite} on Dynalite. */
@DynamoBackend(Backend.DYNALITE)
final class TableManagementOnDynaliteTest extends TableManagementSuite {}
