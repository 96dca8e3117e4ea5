package io.podmortem.report;

import freemarker.core.CommonMarkupOutputFormat;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker's output format for GitHub-flavoured Markdown: every interpolated value is escaped, so nothing a
 * bundle holds can open a table cell, a link, a code span or an HTML tag.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputModel> {
  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

  private MarkdownOutputFormat() {}

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escapePlainText(textToEsc));
  }

  @Override
  public String escapePlainText(String text) {
    return Markdown.escape(text);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected MarkdownOutputModel newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new MarkdownOutputModel(plainTextContent, markupContent);
  }
}
