package io.podmortem.source;

import io.podmortem.model.SourceRef;

/** The number a {@code wc -l} printed, and where. */
public record Count(SourceRef ref, long value) {}
