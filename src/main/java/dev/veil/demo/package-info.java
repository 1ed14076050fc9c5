/**
 * The local DynamoDB (dynalite on Node.js) and the synthetic demo tables.
 */
package dev.veil.demo;
