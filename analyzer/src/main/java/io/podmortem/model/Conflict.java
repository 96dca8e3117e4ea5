package io.podmortem.model;

/**
 * Two sources that disagree about one fact. The report shows both versions.
 *
 * @param subject what the fact is about, as in {@link Finding#subject()}
 * @param fact the fact's name, such as {@code command}
 */
public record Conflict(String subject, String fact, String first, SourceRef firstRef, String second, SourceRef secondRef) {}
