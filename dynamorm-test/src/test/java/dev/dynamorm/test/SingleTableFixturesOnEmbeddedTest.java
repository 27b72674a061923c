package dev.dynamorm.test;

@DynamoBackend(Backend.EMBEDDED)
class SingleTableFixturesOnEmbeddedTest extends SingleTableFixturesSuite {}
