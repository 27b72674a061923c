package dev.dynamorm.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The build's class-data sharing training run serves its whole session over HTTP. */
class CdsTrainingTest {
    @Test
    void theTrainingSessionIsAnsweredOverHttp() {
        assertThat(CdsTraining.run())
                .containsExactly(
                        "ListTables: HTTP/1.1 200 OK",
                        "CreateTable: HTTP/1.1 200 OK",
                        "PutItem: HTTP/1.1 200 OK",
                        "GetItem: HTTP/1.1 200 OK",
                        "Query: HTTP/1.1 200 OK",
                        "DescribeTable: HTTP/1.1 200 OK");
    }
}
