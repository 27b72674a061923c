/**
 * A shop in one table (single-table design): customers, orders and order lines as one entity
 * family, told apart by a discriminator attribute.
 */
package dev.dynamorm.examples.shop;
