package dev.dynamorm.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's class-data sharing training run serves its whole session over HTTP. */
class CdsTrainingTest {
    @Test
    void theTrainingSessionIsAnsweredOverHttp() {
        List<String> answers = CdsTraining.run(false);
        assertThat(answers.get(0)).startsWith("dynamorm-local listening on http://127.0.0.1:");
        assertThat(answers.subList(1, answers.size()))
                .containsExactly(
                        "ListTables: HTTP/1.1 200 OK",
                        "CreateTable: HTTP/1.1 200 OK",
                        "PutItem: HTTP/1.1 200 OK",
                        "GetItem: HTTP/1.1 200 OK",
                        "Query: HTTP/1.1 200 OK",
                        "DescribeTable: HTTP/1.1 200 OK");
    }
}
