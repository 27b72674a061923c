package dev.dynamorm.test;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A server the user runs (or real DynamoDB): the kit only connects to it. */
final class EndpointServer implements RunningServer {

    /** The value of {@code dynamorm.test.endpoint} that means real DynamoDB. */
    static final String AWS = "aws";

    private final URI endpoint;
    private final DynamoDbClient client;
    private final AwsCredentialsProvider credentials;

    private EndpointServer(
            URI endpoint, DynamoDbClient client, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.client = client;
        this.credentials = credentials;
    }

    static EndpointServer connect(String configured, String regionName, Duration timeout)
            throws BackendUnavailableException {
        Region region = Region.of(regionName);
        boolean aws = configured.trim().toLowerCase(Locale.ROOT).equals(AWS);
        URI override = aws ? null : parse(configured.trim());
        AwsCredentialsProvider credentials =
                aws ? DefaultCredentialsProvider.builder().build() : Clients.DUMMY_CREDENTIALS;
        URI endpoint =
                aws ? URI.create("https://dynamodb." + region.id() + ".amazonaws.com") : override;
        try (DynamoDbClient probe = Clients.forProbes(override, region, credentials)) {
            Readiness.await(
                    "the endpoint " + endpoint,
                    probe,
                    () -> null,
                    timeout,
                    () -> "; check -D" + Settings.ENDPOINT + " and -D" + Settings.REGION);
        } catch (BackendUnavailableException e) {
            if (credentials instanceof AutoCloseable autoCloseable) {
                closeQuietly(autoCloseable);
            }
            throw e;
        }
        return new EndpointServer(
                endpoint, Clients.forTests(override, region, credentials), credentials);
    }

    private static URI parse(String value) throws BackendUnavailableException {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null
                    || !uri.getScheme().matches("https?")
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http or https URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BackendUnavailableException(
                    "-D"
                            + Settings.ENDPOINT
                            + "="
                            + value
                            + " is not an absolute http(s) URI: use e.g. http://127.0.0.1:8000, or aws for real DynamoDB",
                    e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing to do: the credentials provider held no server resources
        }
    }

    @Override
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public boolean sharedAcrossRuns() {
        return true;
    }

    @Override
    public void close() {
        client.close();
        if (credentials instanceof AutoCloseable autoCloseable) {
            closeQuietly(autoCloseable);
        }
    }

    @Override
    public String toString() {
        return "endpoint " + endpoint;
    }
}
