package dev.dynamorm.plugin.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tells who performs the current write (a user, a service, a job), for audit records. Give one with
 * {@link AuditConfig.Builder#actorProvider(ActorProvider)} or provide one through {@link
 * java.util.ServiceLoader}.
 *
 * <p>The actor of a write is, in this order: the one set with {@link #runAs(String, Runnable)} or
 * {@link #callAs(String, Supplier)} on the writing thread; the configured provider's; a discovered
 * provider's; else {@code unknown}. So {@code runAs("alice", ...)} names alice even when a provider
 * is configured.
 */
@FunctionalInterface
public interface ActorProvider {

    /**
     * The actor of the write being audited, called on the writing thread.
     *
     * @return the actor, or empty when unknown
     */
    Optional<String> currentActor();

    /**
     * The provider reading the actor set by {@link #runAs} and {@link #callAs} on the current
     * thread.
     *
     * @return the provider
     */
    static ActorProvider threadLocal() {
        return ThreadActor.PROVIDER;
    }

    /**
     * A provider that always names the same actor (e.g. a batch job).
     *
     * @param actor the actor
     * @return the provider
     */
    static ActorProvider fixed(String actor) {
        Objects.requireNonNull(actor, "actor");
        return () -> Optional.of(actor);
    }

    /**
     * Runs code with an actor set on the current thread.
     *
     * @param actor the actor
     * @param body the code
     */
    static void runAs(String actor, Runnable body) {
        Objects.requireNonNull(body, "body");
        callAs(
                actor,
                () -> {
                    body.run();
                    return null;
                });
    }

    /**
     * Calls code with an actor set on the current thread.
     *
     * @param actor the actor
     * @param body the code
     * @param <T> the result type
     * @return what the code returned
     */
    static <T> T callAs(String actor, Supplier<T> body) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(body, "body");
        String previous = ThreadActor.CURRENT.get();
        ThreadActor.CURRENT.set(actor);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                ThreadActor.CURRENT.remove();
            } else {
                ThreadActor.CURRENT.set(previous);
            }
        }
    }
}
