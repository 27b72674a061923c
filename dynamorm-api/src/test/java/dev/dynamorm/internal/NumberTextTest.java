package dev.dynamorm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class NumberTextTest {

    @Test
    void numbers_arePlainDecimalText() {
        assertThat(NumberText.of(5)).isEqualTo("5");
        assertThat(NumberText.of(-7L)).isEqualTo("-7");
        assertThat(NumberText.of(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(NumberText.of(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(NumberText.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(NumberText.of(0.1)).isEqualTo("0.1");
        assertThat(NumberText.of(1e20)).isEqualTo("100000000000000000000");
        assertThat(NumberText.of(0.1f)).isEqualTo("0.1");
        assertThat(NumberText.of(new AtomicLong(42))).isEqualTo("42");
    }

    @Test
    void nanAndInfinity_areRefused() {
        assertThatThrownBy(() -> NumberText.of(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DynamoDB cannot store NaN");
        assertThatThrownBy(() -> NumberText.of(Float.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DynamoDB cannot store Infinity");
    }
}
