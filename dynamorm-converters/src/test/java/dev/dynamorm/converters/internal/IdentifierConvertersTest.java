package dev.dynamorm.converters.internal;

import static dev.dynamorm.converters.internal.RecursiveLookup.converter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamorm.Converter;
import java.net.URI;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class IdentifierConvertersTest {

    private final Converter<UUID> uuids = converter(UUID.class);
    private final Converter<URI> uris = converter(URI.class);

    @Provide
    Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    @Provide
    Arbitrary<URI> uris() {
        Arbitrary<String> segment =
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
        return Combinators.combine(
                        Arbitraries.of("https", "http", "s3", "urn"),
                        segment,
                        segment.list().ofMaxSize(4),
                        Arbitraries.integers().between(-1, 65535))
                .as(
                        (scheme, host, path, port) ->
                                URI.create(
                                        scheme.equals("urn")
                                                ? "urn:" + host + ":" + String.join(":", path)
                                                : scheme
                                                        + "://"
                                                        + host
                                                        + (port < 0 ? "" : ":" + port)
                                                        + "/"
                                                        + String.join("/", path)));
    }

    @Property
    void uuid_roundTripsAsS(@ForAll("uuids") UUID value) {
        AttributeValue attribute = uuids.toAttributeValue(value);

        assertThat(attribute.s()).isEqualTo(value.toString());
        assertThat(uuids.fromAttributeValue(attribute)).isEqualTo(value);
    }

    @Property
    void uri_roundTripsAsS(@ForAll("uris") URI value) {
        assertThat(uris.fromAttributeValue(uris.toAttributeValue(value))).isEqualTo(value);
    }

    @Example
    void uri_withUnicodeAndEscapes_roundTrips() {
        URI value = URI.create("https://example.com/caf%C3%A9/日本?q=a%20b#frag");

        assertThat(uris.toAttributeValue(value).s())
                .isEqualTo("https://example.com/caf%C3%A9/日本?q=a%20b#frag");
        assertThat(uris.fromAttributeValue(uris.toAttributeValue(value))).isEqualTo(value);
    }

    @Example
    void uuid_malformed_isRejected() {
        assertThatThrownBy(() -> uuids.fromAttributeValue(AttributeValue.fromS("not-a-uuid")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cannot read 'not-a-uuid' as java.util.UUID: Invalid UUID string: not-a-uuid");
    }

    @Example
    void uri_malformed_isRejected() {
        assertThatThrownBy(() -> uris.fromAttributeValue(AttributeValue.fromS("a b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "cannot read 'a b' as java.net.URI: Illegal character in path at index 1: a b");
    }
}
