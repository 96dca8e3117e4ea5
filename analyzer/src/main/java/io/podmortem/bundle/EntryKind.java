package io.podmortem.bundle;

/** What a bundle entry is. Only files are read; the rest are recorded as data, never followed. */
public enum EntryKind {
  FILE, DIRECTORY, SYMLINK, HARDLINK, DEVICE, OTHER
}
