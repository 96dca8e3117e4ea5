package io.podmortem.source;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Timestamps as crictl prints them, normalised to {@link Instant#toString()} in UTC.
 *
 * <p>List output ({@code ps -o json}, {@code pods -o json}) gives int64 nanoseconds as a JSON string, because
 * protojson encodes every int64 as a string. Inspect output gives RFC 3339 with nanoseconds, in UTC from
 * containerd and with the node's local offset from CRI-O ({@code 2022-11-29T12:07:44.196650393-06:00}).
 * "Not yet" is spelled {@code "0"}, Go's zero time {@code 0001-01-01T00:00:00Z}, or under CRI-O the Unix epoch
 * {@code 1970-01-01T00:00:00Z} (cri-o/cri-o#3568 shows it as a running container's {@code finishedAt}).
 */
final class CriTimes {
  /** Nanoseconds since the epoch, as many digits as an int64 has. Example match: {@code 1795470780123456789}. */
  private static final Pattern NANOS = Pattern.compile("-?[0-9]{1,19}");

  /** Digits only, of any length: a number, but maybe not one that fits. */
  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,4096}");

  /** No container ran after this: a time past it is damage, not a date. */
  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

  private CriTimes() {}

  /**
   * The instant as RFC 3339 UTC, or null when absent or zero.
   *
   * @throws IllegalArgumentException when the value is neither nanoseconds nor RFC 3339
   */
  static String utc(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip();
    if (s.length() > 64 && !DIGITS.matcher(s).matches()) {
      throw new IllegalArgumentException("expected nanoseconds or an RFC 3339 time, got " + ParseIssues.quote(s));
    }
    Instant i;
    if (NANOS.matcher(s).matches()) {
      BigInteger nanos = new BigInteger(s);
      if (nanos.signum() <= 0) {
        return null;
      }
      BigInteger[] qr = nanos.divideAndRemainder(BILLION);
      i = Instant.ofEpochSecond(qr[0].longValue(), qr[1].longValue());
    } else if (DIGITS.matcher(s).matches()) {
      throw new IllegalArgumentException("a time of " + s.length() + " digits does not fit int64 nanoseconds: "
          + ParseIssues.quote(s));
    } else {
      try {
        i = OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new IllegalArgumentException("expected nanoseconds or an RFC 3339 time, got " + ParseIssues.quote(s));
      }
      if (i.getEpochSecond() <= 0) {
        return null;
      }
    }
    if (i.isAfter(LATEST)) {
      throw new IllegalArgumentException("a time past the year 2200 is not a real one: " + ParseIssues.quote(s));
    }
    return i.toString();
  }
}
