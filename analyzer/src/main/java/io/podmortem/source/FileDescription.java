package io.podmortem.source;

import io.podmortem.model.SourceRef;

/**
 * One line of {@code file} output: {@code pause: ELF 64-bit LSB executable, ..., statically linked, ...}.
 *
 * @param staticallyLinked true when the description says {@code statically linked}
 */
public record FileDescription(SourceRef ref, String path, String description, boolean elf, boolean staticallyLinked) {}
