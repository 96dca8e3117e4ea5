package io.podmortem.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that starts with a byte-order mark, as its UTF-8 bytes without the mark: a UTF-8 mark is dropped, UTF-16
 * (little or big endian, as Windows tools and PowerShell's redirection write it) is transcoded as it streams.
 */
final class Utf16Input {
  private Utf16Input() {}

  /** The charset a byte-order mark names, with the mark's length; null for none. */
  record Bom(Charset charset, int length) {}

  static Bom bom(byte[] head) {
    if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
      return new Bom(StandardCharsets.UTF_8, 3);
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
      return new Bom(StandardCharsets.UTF_16LE, 2);
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
      return new Bom(StandardCharsets.UTF_16BE, 2);
    }
    return null;
  }

  /** The stream past its mark, as UTF-8; {@code in} must be positioned at the mark. */
  static InputStream utf8(InputStream in, Bom bom) throws IOException {
    in.skipNBytes(bom.length());
    if (bom.charset() == StandardCharsets.UTF_8) {
      return in;
    }
    Reader r = new InputStreamReader(in, bom.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new InputStream() {
      private final CharBuffer chars = CharBuffer.allocate(8192).flip();
      private final ByteBuffer bytes = ByteBuffer.allocate(32768).flip();
      private boolean eof;

      private boolean fill() throws IOException {
        while (!bytes.hasRemaining()) {
          if (eof && !chars.hasRemaining()) {
            return false;
          }
          if (!eof) {
            chars.compact();
            int n = r.read(chars);
            chars.flip();
            eof = n < 0;
          }
          bytes.clear();
          enc.encode(chars, bytes, eof);
          bytes.flip();
        }
        return true;
      }

      @Override
      public int read() throws IOException {
        return fill() ? bytes.get() & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (!fill()) {
          return -1;
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
      }
    };
  }
}
