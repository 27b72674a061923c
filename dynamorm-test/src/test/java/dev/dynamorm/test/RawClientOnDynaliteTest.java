package dev.dynamorm.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@DynamoBackend(Backend.DYNALITE)
class RawClientOnDynaliteTest extends RawClientSuite {

    @Override
    Backend expectedBackend() {
        return Backend.DYNALITE;
    }

    @Test
    void hasNoTransactions(BackendContext context) {
        assertThat(context.supportsTransactions()).isFalse();
        assertThat(context.endpoint().getHost()).isEqualTo("127.0.0.1");
    }
}
