package dev.dynamorm.test;

/** A backend cannot be started here; the message is the reason, saying what to do about it. */
final class BackendUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    BackendUnavailableException(String reason) {
        super(reason);
    }

    BackendUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
