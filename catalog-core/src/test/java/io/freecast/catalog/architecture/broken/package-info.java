/**
 * A small core broken on purpose, one class per broken rule, for {@code CoreRulesTest} to show that each rule
 * of {@code CoreArchitectureTest} reports what it is meant to catch. Never used by anything else.
 */
package io.freecast.catalog.architecture.broken;
