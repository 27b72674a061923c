package dev.dynamorm.it.model;

/** An enum, stored by name. */
public enum Color {
    RED,
    GREEN,
    BLUE
}
