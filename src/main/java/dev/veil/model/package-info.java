/**
 * Values shared by every capability: attribute paths, DynamoDB types and values, classifications, profiles, policies, decisions and findings. Depends on nothing else of Veil.
 */
package dev.veil.model;
