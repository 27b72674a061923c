package dev.dynamorm.test;

@DynamoBackend(Backend.DYNOXIDE)
class RequestRecordingOnDynoxideTest extends RequestRecordingSuite {}
