package dev.dynamorm.benchmarks.model;

/**
 * A nested record of {@link Order}, stored as a map attribute.
 *
 * @param street the street
 * @param city the city
 * @param postalCode the postal code
 * @param country the country
 */
public record Address(String street, String city, String postalCode, String country) {}
