package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * A fact about a container's root filesystem read from a transcript.
 *
 * @param container how the transcript named the container: an ID prefix or a name
 * @param fact one of {@code path}, {@code entries}, {@code os}, {@code osId}, {@code osVersion}, {@code binary},
 *     {@code binaryDescription}, {@code staticBinary}
 */
public record RootfsFact(String container, String fact, String value, SourceRef ref) {}
