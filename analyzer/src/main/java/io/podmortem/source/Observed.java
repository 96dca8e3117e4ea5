package io.podmortem.source;

import io.podmortem.model.SourceRef;

/** A single value some source showed, with where. */
public record Observed(String value, SourceRef ref) {}
