package io.podmortem.source;

import io.podmortem.source.listing.ListingReader;

/**
 * Recognises a listing from {@code find DIR -mindepth 1 -printf '%y %m %U %G %s %T@\t%P\t%l\n'} (collector/FORMAT.md).
 * The collector's layer and upper-dir listings stream through {@link io.podmortem.source.listing.RootfsListings};
 * one found anywhere else is read for its issues only.
 */
final class ListingParser {
  private ListingParser() {}

  static boolean looksLike(TextBlock t) {
    int first = t.firstNonBlank();
    return first >= 0 && ListingReader.looksLike(t.lines().get(first));
  }

  static Object parse(TextBlock t, ParseIssues issues) {
    ListingReader.check(t, issues);
    return null;
  }
}
