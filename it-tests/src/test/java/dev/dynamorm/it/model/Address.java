package dev.dynamorm.it.model;

/** A nested record, stored as a map. */
public record Address(String street, String city, Integer zip) {}
