package io.podmortem.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** Renders the report model as JSON (Jackson) or as HTML and Markdown (FreeMarker templates). */
public final class Renderer {
  private final Configuration freemarker;
  private final ObjectMapper json;

  public Renderer() {
    freemarker = new Configuration(Configuration.VERSION_2_3_34);
    freemarker.setClassForTemplateLoading(Renderer.class, "/io/podmortem/report");
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setLocale(Locale.ROOT);
    freemarker.setTimeZone(TimeZone.getTimeZone("UTC"));
    freemarker.setNumberFormat("computer");
    freemarker.setBooleanFormat("c");
    freemarker.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
    freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    freemarker.setLogTemplateExceptions(false);
    freemarker.setWrapUncheckedExceptions(true);
    freemarker.setFallbackOnNullLoopVariable(false);
    // Templates are ours and data is never parsed as a template; still, allow nothing dangerous.
    freemarker.setAPIBuiltinEnabled(false);
    freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  public String json(ObjectNode model) {
    StringWriter out = new StringWriter(1 << 16);
    json(model, out);
    return out.toString();
  }

  /** Writes the JSON report as it is generated: a node of a thousand containers never becomes one String. */
  public void json(ObjectNode model, Writer out) {
    try {
      jsonWriter().writeValue(out, model);
      out.write("\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #json(ObjectNode, Writer)}, in UTF-8 straight to bytes, which Jackson writes fastest. */
  public void json(ObjectNode model, java.io.OutputStream out) {
    try {
      jsonWriter().writeValue(out, model);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private com.fasterxml.jackson.databind.ObjectWriter jsonWriter() {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return json.writer(pp).without(JsonGenerator.Feature.ESCAPE_NON_ASCII)
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  public String markdown(ObjectNode model, Map<String, Object> options) {
    return render("report.md.ftl", model, options);
  }

  public void markdown(ObjectNode model, Map<String, Object> options, Writer out) {
    render("report.md.ftl", model, options, out);
  }

  public void html(ObjectNode model, Map<String, Object> options, Writer out) {
    render("report.html.ftl", model, options, out);
  }

  /**
   * The first {@code maxLines} lines of a Markdown report, closed with a note that says how long the whole report
   * is. The report puts its summary, containers and findings first, so they survive the cut. A table cut in two
   * stays a valid (shorter) table.
   */
  public static String cut(String markdown, int maxLines) {
    String[] lines = markdown.split("\n", -1);
    int total = markdown.endsWith("\n") ? lines.length - 1 : lines.length;
    if (total <= maxLines) {
      return markdown;
    }
    int keep = maxLines - 2;
    // A table's header without its |---| row would no longer be a table: cut before it.
    while (keep > 0 && lines[keep - 1].startsWith("|") && lines[keep].matches("\\|(\\s*:?-+:?\\s*\\|)+")) {
      keep--;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < keep; i++) {
      out.append(lines[i]).append('\n');
    }
    return out.append('\n').append("> Cut at ").append(maxLines).append(" of ").append(total)
        .append(" lines (--md-max-lines). The HTML and JSON reports hold everything.\n").toString();
  }

  public String html(ObjectNode model, Map<String, Object> options) {
    return render("report.html.ftl", model, options);
  }

  private String render(String template, ObjectNode model, Map<String, Object> options) {
    StringWriter out = new StringWriter(1 << 16);
    render(template, model, options, out);
    return out.toString();
  }

  /**
   * Adds what the templates would otherwise find by scanning a list per pod or per container, which grows with the
   * square of the node: each pod's containers by pod UID, and each container's count of timeline events.
   */
  @SuppressWarnings("unchecked")
  private static void index(Map<String, Object> data) {
    Map<String, List<Object>> byPod = new java.util.HashMap<>();
    if (data.get("containers") instanceof List<?> containers) {
      for (Object c : containers) {
        if (c instanceof Map<?, ?> m && m.get("pod") instanceof Map<?, ?> pod && pod.get("uid") instanceof String uid) {
          byPod.computeIfAbsent(uid, k -> new java.util.ArrayList<>()).add(c);
        }
      }
    }
    Map<String, Integer> counts = new java.util.HashMap<>();
    if (data.get("timeline") instanceof List<?> timeline) {
      for (Object t : timeline) {
        if (t instanceof Map<?, ?> m && m.get("container") instanceof String id) {
          counts.merge(id, 1, Integer::sum);
        }
      }
    }
    data.put("containersByPod", byPod);
    data.put("timelineCounts", counts);
  }

  private void render(String template, ObjectNode model, Map<String, Object> options, Writer out) {
    Map<String, Object> data = ReportModel.asMap(model);
    data.put("options", options);
    index(data);
    try {
      Template t = freemarker.getTemplate(template);
      t.process(data, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
    }
  }
}
