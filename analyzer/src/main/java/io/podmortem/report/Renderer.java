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
   * square of the node: each pod's containers by pod UID, and each container's count of timeline events. Adds the
   * views that group what a reader takes in at once: the timeline's rows ({@link Timeline#rows}) and each
   * container's process rows ({@link ProcessRows}). For HTML, adds the citations' short entry names
   * ({@link ShortEntries}).
   */
  @SuppressWarnings("unchecked")
  private static void index(Map<String, Object> data, boolean html) {
    Map<String, List<Object>> byPod = new java.util.HashMap<>();
    if (data.get("containers") instanceof List<?> containers) {
      for (Object c : containers) {
        if (!(c instanceof Map<?, ?> raw)) {
          continue;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        if (m.get("pod") instanceof Map<?, ?> pod && pod.get("uid") instanceof String uid) {
          byPod.computeIfAbsent(uid, k -> new java.util.ArrayList<>()).add(c);
        }
        if (m.get("processes") instanceof List<?> ps) {
          m.put("processRows", ProcessRows.of(ps));
        }
        if (m.get("rootfs") instanceof Map<?, ?> fs && fs.get("drift") instanceof Map<?, ?> d) {
          citeOnce((Map<String, Object>) d);
        }
      }
    }
    // Sources and the collector's commands share one table: each entry beside the command that wrote it.
    Map<String, Object> sourceEntries = new java.util.LinkedHashMap<>();
    if (data.get("sources") instanceof List<?> sources) {
      for (Object s : sources) {
        if (s instanceof Map<?, ?> m && m.get("entry") instanceof String e) {
          sourceEntries.put(e, Boolean.TRUE);
        }
      }
    }
    // A bundle read only in part (the reader stopped at a limit) may hold entries the report never saw, which a
    // glob could also match: its citations stay whole.
    boolean partial = data.get("warnings") instanceof List<?> ws
        && ws.stream().anyMatch(w -> String.valueOf(w).startsWith("stopped after"));
    data.put("shortEntries", html && !partial ? ShortEntries.of(sourceEntries.keySet()) : Map.of());
    Map<String, Object> commandsByOutput = new java.util.HashMap<>();
    if (data.get("collection") instanceof Map<?, ?> coll && coll.get("commands") instanceof List<?> commands) {
      for (Object k : commands) {
        if (k instanceof Map<?, ?> m && m.get("output") instanceof String out) {
          commandsByOutput.putIfAbsent(out, k);
        }
      }
    }
    data.put("sourceEntries", sourceEntries);
    data.put("commandsByOutput", commandsByOutput);
    Map<String, Integer> counts = new java.util.HashMap<>();
    if (data.get("timeline") instanceof List<?> timeline) {
      for (Object t : timeline) {
        if (t instanceof Map<?, ?> m && m.get("container") instanceof String id) {
          counts.merge(id, 1, Integer::sum);
        }
      }
    }
    data.put("timelineRows", data.get("timeline") instanceof List<?> t ? Timeline.rows(t) : List.of());
    data.put("containersByPod", byPod);
    data.put("timelineCounts", counts);
  }

  /**
   * A drift table whose rows all come from one entry (a container's upper-dir listing) names the entry once, as
   * {@code entry}, and each row its {@code line}; otherwise each row carries its citation's parts, {@code refParts}.
   */
  @SuppressWarnings("unchecked")
  private static void citeOnce(Map<String, Object> drift) {
    List<?> rows = drift.get("all") instanceof List<?> all && !all.isEmpty() ? all
        : drift.get("notable") instanceof List<?> notable ? notable : List.of();
    List<Map<String, Object>> parts = new java.util.ArrayList<>();
    String entry = null;
    boolean one = true;
    for (Object r : rows) {
      Map<String, Object> ref = Timeline.ref(String.valueOf(((Map<?, ?>) r).get("ref")));
      parts.add(ref);
      one &= entry == null || entry.equals(ref.get("entry"));
      one &= (Integer) ref.get("line") > 0;
      entry = (String) ref.get("entry");
    }
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = (Map<String, Object>) rows.get(i);
      r.put("refParts", parts.get(i));
      r.put("line", parts.get(i).get("line"));
    }
    if (one && entry != null) {
      drift.put("entry", entry);
    }
  }

  private void render(String template, ObjectNode model, Map<String, Object> options, Writer out) {
    Map<String, Object> data = ReportModel.asMap(model);
    data.put("options", options);
    index(data, template.endsWith(".html.ftl"));
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
