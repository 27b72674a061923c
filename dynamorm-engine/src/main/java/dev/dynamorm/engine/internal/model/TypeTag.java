package dev.dynamorm.engine.internal.model;

/**
 * The discriminator of an entity family member: the attribute that stores each item's member type
 * and the value this member's items carry there.
 *
 * @param attribute the discriminator attribute name
 * @param value the member's discriminator value
 */
public record TypeTag(String attribute, String value) {}
