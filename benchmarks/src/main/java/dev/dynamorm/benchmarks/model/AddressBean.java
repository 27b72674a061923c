package dev.dynamorm.benchmarks.model;

import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The JavaBean twin of {@link Address}. */
@DynamoDbBean
public class AddressBean {
    private String street;
    private String city;
    private String postalCode;
    private String country;

    /** For the mappers. */
    public AddressBean() {}

    /**
     * @return the street
     */
    public String getStreet() {
        return street;
    }

    /**
     * @param street the street
     */
    public void setStreet(String street) {
        this.street = street;
    }

    /**
     * @return the city
     */
    public String getCity() {
        return city;
    }

    /**
     * @param city the city
     */
    public void setCity(String city) {
        this.city = city;
    }

    /**
     * @return the postal code
     */
    public String getPostalCode() {
        return postalCode;
    }

    /**
     * @param postalCode the postal code
     */
    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    /**
     * @return the country
     */
    public String getCountry() {
        return country;
    }

    /**
     * @param country the country
     */
    public void setCountry(String country) {
        this.country = country;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressBean b
                && Objects.equals(street, b.street)
                && Objects.equals(city, b.city)
                && Objects.equals(postalCode, b.postalCode)
                && Objects.equals(country, b.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(street, city, postalCode, country);
    }
}
