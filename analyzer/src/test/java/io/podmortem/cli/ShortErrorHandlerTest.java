package io.podmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Every error is one line that says what happened, safe for a terminal; an Error too. */
class ShortErrorHandlerTest {
  @Test
  void fileSystemErrors_sayWhichFileAndWhy() {
    assertThat(ShortErrorHandler.describe(new AccessDeniedException("/srv/out/x.html")))
        .isEqualTo("cannot write or read /srv/out/x.html: permission denied");
    assertThat(ShortErrorHandler.describe(new NoSuchFileException("/proc/x/y.html")))
        .isEqualTo("/proc/x/y.html: no such file or folder");
    assertThat(ShortErrorHandler.describe(new FileSystemException("/sys/kernel/x.html", null,
        "Read-only file system"))).isEqualTo("/sys/kernel/x.html: Read-only file system");
  }

  @Test
  void errors_areOneLine_withWhatToDo() {
    assertThat(ShortErrorHandler.describe(new OutOfMemoryError("Java heap space")))
        .startsWith("out of memory (Java heap space); the heap is ").endsWith("give java a larger -Xmx");
    assertThat(ShortErrorHandler.describe(new StackOverflowError())).startsWith("a stack overflow");
  }

  @Test
  void messages_showControlCharacters_andStopAtTheFirstLine() {
    assertThat(ShortErrorHandler.describe(new IllegalStateException("bad \u001b]0;title\u0007 name\nsecond line")))
        .isEqualTo("bad \\x1b]0;title\\x07 name");
  }
}
