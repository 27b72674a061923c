package dev.dynamorm.engine.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.DefaultEventExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Which threads the async view treats as I/O event loops, where hooks and conversion must not run.
 */
final class EventLoopsTest {

    @Test
    void nettyEventLoop_isOne_whateverItsThreadIsNamed() throws Exception {
        DefaultEventExecutor loop =
                new DefaultEventExecutor((ThreadFactory) r -> new Thread(r, "io-worker"));
        try {
            assertThat(loop.submit(EventLoops::current).get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(loop.submit(() -> Thread.currentThread().getName()).get())
                    .isEqualTo("io-worker");
        } finally {
            loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void threadNamedAnEventLoop_isOne_otherThreadsAreNot() throws Exception {
        assertThat(EventLoops.named("aws-java-sdk-NettyEventLoop-0-1")).isTrue();
        assertThat(EventLoops.named("AwsEventLoop 3")).isTrue();
        assertThat(EventLoops.named("eventloop")).isTrue();
        assertThat(EventLoops.named("sdk-async-response-0-1")).isFalse();
        assertThat(EventLoops.named("ForkJoinPool.commonPool-worker-1")).isFalse();
        assertThat(EventLoops.named("eventloo")).isFalse();
        assertThat(EventLoops.named("")).isFalse();
        assertThat(EventLoops.current()).isFalse(); // the test's own thread
        boolean[] seen = new boolean[1];
        Thread t = new Thread(() -> seen[0] = EventLoops.current(), "app-EventLoop-2");
        t.start();
        t.join();
        assertThat(seen[0]).isTrue();
    }
}
