package io.podmortem.bundle;

/** The root of podmortem's exceptions: the bundle as a whole cannot be read. Malformed content is not an exception. */
public class BundleException extends RuntimeException {
  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
