package io.podmortem.report;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of Markdown that FreeMarker knows to be already escaped. */
public final class MarkdownOutputModel extends CommonTemplateMarkupOutputModel<MarkdownOutputModel> {
  MarkdownOutputModel(String plainTextContent, String markupContent) {
    super(plainTextContent, markupContent);
  }

  @Override
  public MarkdownOutputFormat getOutputFormat() {
    return MarkdownOutputFormat.INSTANCE;
  }
}
