/**
 * Finding the kinds of item of a single-table design in a sample: marker attributes first, else
 * the leading literals of key values, confirmed by how little the kinds' attribute sets overlap.
 */
package dev.veil.inference.entity;
