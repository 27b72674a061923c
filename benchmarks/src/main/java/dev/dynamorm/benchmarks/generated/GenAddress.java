package dev.dynamorm.benchmarks.generated;

/**
 * A nested record of {@link GenOrder}, stored as a map attribute.
 *
 * @param street the street
 * @param city the city
 * @param postalCode the postal code
 * @param country the country
 */
public record GenAddress(String street, String city, String postalCode, String country) {}
