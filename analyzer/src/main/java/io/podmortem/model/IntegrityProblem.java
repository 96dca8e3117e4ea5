package io.podmortem.model;

/**
 * An output whose bytes do not match the sha256 the collector recorded for it.
 *
 * @param actual the sha256 of the entry as read, or null when the entry is missing from the bundle
 */
public record IntegrityProblem(String entry, String expected, String actual) {}
