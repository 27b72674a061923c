/** Runnable examples of DynamORM; the quickstart runs on the embedded engine by default. */
module dev.dynamorm.examples {
    requires dev.dynamorm.api;
    requires dev.dynamorm.local;
    // the engine reads and builds model records reflectively
    opens dev.dynamorm.examples to dev.dynamorm.engine;
}
