package io.podmortem.bundle;

/**
 * The header of one bundle entry.
 *
 * @param name the entry's name as a plain string: never resolved against a file system
 * @param size the size the archive declares, or -1 when unknown
 * @param linkTarget the target of a link entry, else null
 */
public record BundleEntry(String name, EntryKind kind, long size, String linkTarget) {}
