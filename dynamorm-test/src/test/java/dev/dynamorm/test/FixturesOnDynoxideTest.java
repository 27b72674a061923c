package dev.dynamorm.test;

@DynamoBackend(Backend.DYNOXIDE)
class FixturesOnDynoxideTest extends FixturesSuite {}
