package dev.dynamorm.plugin.audit;

import java.util.Optional;

/** The thread-local actor behind {@link ActorProvider#threadLocal()}. */
final class ThreadActor {

    static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    static final ActorProvider PROVIDER = () -> Optional.ofNullable(CURRENT.get());

    private ThreadActor() {}
}
