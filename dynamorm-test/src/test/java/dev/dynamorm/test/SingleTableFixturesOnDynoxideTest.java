package dev.dynamorm.test;

@DynamoBackend(Backend.DYNOXIDE)
class SingleTableFixturesOnDynoxideTest extends SingleTableFixturesSuite {}
