package dev.dynamorm.local.internal.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the HTTP listener.
 *
 * @param allowedHosts host names accepted in the {@code Host} header besides the loopback names
 * @param corsOrigin value of {@code Access-Control-Allow-Origin}, or null for no CORS headers
 * @param signingKeys access key id to secret key; when non-empty, every request must carry a valid
 *     SigV4 signature by one of them; when empty only the presence and shape of the {@code
 *     Authorization} header are checked
 * @param workers most requests served at once; further connections wait in a bounded queue
 * @param queue connections waiting for a worker before new ones are answered 503
 * @param readTimeout longest wait for the rest of a request once it started
 * @param idleTimeout longest wait for the next request on a kept-alive connection
 * @param maxBodyBytes largest request body; larger ones are answered 413
 */
public record HttpOptions(
        Set<String> allowedHosts,
        String corsOrigin,
        Map<String, String> signingKeys,
        int workers,
        int queue,
        Duration readTimeout,
        Duration idleTimeout,
        long maxBodyBytes) {
    /** DynamoDB's largest request: a 16 MB BatchWriteItem. */
    public static final long DYNAMODB_MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    /** Validates and copies the settings. */
    public HttpOptions {
        allowedHosts = Set.copyOf(allowedHosts);
        signingKeys = Map.copyOf(signingKeys);
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (workers < 1 || queue < 0 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("workers, queue and maxBodyBytes must be positive");
        }
    }

    /**
     * The defaults: loopback hosts only, CORS for any origin (as DynamoDB Local), no signature
     * check, 64 workers, 30 s to read a request, 60 s idle keep-alive, 16 MB bodies.
     *
     * @return default settings
     */
    public static HttpOptions defaults() {
        return new HttpOptions(
                Set.of(),
                "*",
                Map.of(),
                128,
                512,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                DYNAMODB_MAX_REQUEST_BYTES);
    }

    /**
     * Returns a copy with other host names allowed.
     *
     * @param hosts host names (without port)
     * @return the new settings
     */
    public HttpOptions withAllowedHosts(Set<String> hosts) {
        return new HttpOptions(
                hosts,
                corsOrigin,
                signingKeys,
                workers,
                queue,
                readTimeout,
                idleTimeout,
                maxBodyBytes);
    }

    /**
     * Returns a copy that checks SigV4 signatures with these keys.
     *
     * @param keys access key id to secret access key
     * @return the new settings
     */
    public HttpOptions withSigningKeys(Map<String, String> keys) {
        return new HttpOptions(
                allowedHosts,
                corsOrigin,
                keys,
                workers,
                queue,
                readTimeout,
                idleTimeout,
                maxBodyBytes);
    }

    /**
     * Returns a copy with another CORS origin.
     *
     * @param origin the allowed origin, or null for no CORS headers
     * @return the new settings
     */
    public HttpOptions withCorsOrigin(String origin) {
        return new HttpOptions(
                allowedHosts,
                origin,
                signingKeys,
                workers,
                queue,
                readTimeout,
                idleTimeout,
                maxBodyBytes);
    }

    /**
     * Returns a copy with other limits.
     *
     * @param workers most requests served at once
     * @param queue connections waiting for a worker
     * @param readTimeout longest wait within a request
     * @param idleTimeout longest wait between requests
     * @param maxBodyBytes largest body
     * @return the new settings
     */
    public HttpOptions withLimits(
            int workers, int queue, Duration readTimeout, Duration idleTimeout, long maxBodyBytes) {
        return new HttpOptions(
                allowedHosts,
                corsOrigin,
                signingKeys,
                workers,
                queue,
                readTimeout,
                idleTimeout,
                maxBodyBytes);
    }
}
