package dev.dynamorm.test;

@DynamoBackend(Backend.EMBEDDED)
class FixturesOnEmbeddedTest extends FixturesSuite {}
