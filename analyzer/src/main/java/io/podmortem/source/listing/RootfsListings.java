package io.podmortem.source.listing;

import io.podmortem.model.Drift;
import io.podmortem.model.ParseIssue;
import io.podmortem.model.SourceInfo;
import io.podmortem.source.ParseIssues;
import io.podmortem.source.RootfsRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarises a collector's layer and upper-dir listings while they stream: each layer becomes a compact index, each
 * container's merged view is counted and its upper dir classified as soon as its chain is complete, and a layer is
 * dropped once no container still to come needs it. In the collector's chain order (collector/FORMAT.md) that holds
 * only the layers of the chain at hand; in any other order it holds what it must, up to a memory budget, and says
 * which listings it could not keep.
 */
public final class RootfsListings {
  /** Example match: {@code rootfs/layers/0199f3e57cc3efea.txt}, {@code rootfs/upper/<64 hex>.txt}. */
  private static final Pattern ENTRY = Pattern.compile("^rootfs/(?<kind>layers|upper)/(?<key>[^/]+)\\.txt$");
  private static final int MAX_ISSUES = 100;

  private final ListingReader reader;
  private final long budget;
  private final Consumer<SourceInfo> sources;
  private final Consumer<String> warnings;

  private List<RootfsRow> rows;
  private final Map<String, RootfsRow> byUpper = new HashMap<>();
  private final Map<String, List<RootfsRow>> byKey = new HashMap<>();
  private final Map<String, Integer> users = new HashMap<>();
  private final Set<String> done = new HashSet<>();

  private final Map<String, LayerIndex> layers = new HashMap<>();
  private final Set<String> dropped = new HashSet<>();
  private final Map<String, Deferred> deferred = new LinkedHashMap<>();
  private long held;

  private String viewKey;
  private MergedView view;

  private final Map<String, Integer> entries = new HashMap<>();
  private final Map<String, Drift> drift = new HashMap<>();

  private record Deferred(byte[] bytes, String command) {}

  /** What the listings told about each container, by full ID. */
  public record Result(Map<String, Integer> entries, Map<String, Drift> drift) {
    public Result {
      entries = Map.copyOf(entries);
      drift = Map.copyOf(drift);
    }
  }

  /**
   * @param budget bytes of layer indexes and out-of-order upper dirs to hold at most
   * @param sources gets how each listing was read
   */
  public RootfsListings(int maxLineBytes, long budget, Consumer<SourceInfo> sources, Consumer<String> warnings) {
    this.reader = new ListingReader(maxLineBytes);
    this.budget = budget;
    this.sources = sources;
    this.warnings = warnings;
  }

  /** True for the entries this class reads: {@code rootfs/layers/<key>.txt} and {@code rootfs/upper/<id>.txt}. */
  public static boolean handles(String entry) {
    return ENTRY.matcher(entry).matches();
  }

  /** The containers and their chains, from {@code rootfs/containers.tsv}. */
  public void rows(List<RootfsRow> all) {
    rows = rows == null ? new ArrayList<>() : rows;
    rows.addAll(all);
    for (RootfsRow r : all) {
      if (r.upperEntry() != null) {
        byUpper.put(r.upperEntry(), r);
      }
      for (String k : r.layerKeys()) {
        byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        users.merge(k, 1, Integer::sum);
      }
    }
    for (String k : List.copyOf(layers.keySet())) {
      if (!users.containsKey(k)) {
        release(k);
      }
    }
    for (String k : List.copyOf(layers.keySet())) {
      completeLayerOnly(k);
    }
  }

  /** Reads one listing entry; {@link #handles} must be true for its name. */
  public void read(String entry, InputStream in, String command) throws IOException {
    Matcher m = ENTRY.matcher(entry);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a listing entry: " + entry);
    }
    if (m.group("kind").equals("layers")) {
      layer(m.group("key"), entry, in, command);
    } else {
      RootfsRow row = byUpper.get(entry);
      if (row != null && !done.contains(row.id()) && chainHeld(row)) {
        upper(row, entry, in, command);
      } else if (row == null && rows != null) {
        // No container names this upper dir: read it for its issues only.
        readOnly(entry, in, command);
      } else {
        defer(entry, in, command);
      }
    }
  }

  private void layer(String key, String entry, InputStream in, String command) throws IOException {
    ParseIssues issues = ParseIssues.bounded(MAX_ISSUES);
    LayerIndex.Builder b = new LayerIndex.Builder(entry, maxEntries());
    ListingReader.Result r = reader.read(in, entry, b, issues);
    record(entry, command, r, issues);
    if (rows != null && !users.containsKey(key)) {
      return;
    }
    LayerIndex index = b.build(r.total());
    if (index.overflow) {
      dropped.add(key);
      warnings.accept(entry + ": not merged: it lists more entries than the memory budget of " + budget / (1 << 20)
          + " MB can index");
      return;
    }
    if (held + index.bytes() > budget) {
      dropped.add(key);
      warnings.accept(entry + ": not merged: the layers already held fill the memory budget of " + budget / (1 << 20)
          + " MB (the bundle does not list layers in chain order; collector/FORMAT.md)");
      return;
    }
    LayerIndex old = layers.put(key, index);
    held += index.bytes() - (old == null ? 0 : old.bytes());
    completeLayerOnly(key);
  }

  /** A container whose upper dir was not listed is complete when its last layer arrives. */
  private void completeLayerOnly(String key) {
    for (RootfsRow r : byKey.getOrDefault(key, List.of())) {
      if (r.upperEntry() == null && !done.contains(r.id()) && chainHeld(r)) {
        finishRow(r, null, null);
      }
    }
  }

  private void upper(RootfsRow row, String entry, InputStream in, String command) throws IOException {
    List<LayerIndex> chain = chain(row);
    MergedView lower = view(row, chain);
    ParseIssues issues = ParseIssues.bounded(MAX_ISSUES);
    DriftBuilder drifts = new DriftBuilder(entry, lower);
    LayerIndex.Builder index = new LayerIndex.Builder(entry, maxEntries());
    ListingReader.Result r = reader.read(in, entry, l -> {
      drifts.line(l);
      index.line(l);
    }, issues);
    record(entry, command, r, issues);
    drift.put(row.id(), drifts.build(r.total() != null));
    LayerIndex upper = index.build(r.total());
    finishRow(row, upper, lower.sizeWith(upper, drifts.fresh(), chain));
  }

  /**
   * Records the container's entry count where every listing of its chain was read whole, and lets go of the layers
   * no other container needs.
   */
  private void finishRow(RootfsRow row, LayerIndex upper, Integer count) {
    done.add(row.id());
    boolean complete = (!row.layerKeys().isEmpty() || row.upperEntry() != null)
        && row.layerKeys().stream().allMatch(k -> layers.containsKey(k) && !layers.get(k).truncated())
        && (row.upperEntry() == null || upper != null && !upper.truncated());
    if (complete) {
      if (count == null) {
        count = view(row, chain(row)).size();
      }
      entries.put(row.id(), count);
    }
    for (String k : row.layerKeys()) {
      if (users.merge(k, -1, Integer::sum) <= 0) {
        release(k);
      }
    }
  }

  private void release(String key) {
    LayerIndex gone = layers.remove(key);
    if (gone != null) {
      held -= gone.bytes();
    }
    if (viewKey != null && viewKey.contains(key)) {
      viewKey = null;
      view = null;
    }
  }

  /** The most entries one index may hold: what is left of the budget, at 12 bytes an entry. */
  private int maxEntries() {
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE - 16, (budget - held) / 12));
  }

  private boolean chainHeld(RootfsRow row) {
    return row.layerKeys().stream().allMatch(layers::containsKey);
  }

  /** The row's layers that are held, lowest first. */
  private List<LayerIndex> chain(RootfsRow row) {
    List<LayerIndex> out = new ArrayList<>();
    for (int i = row.layerKeys().size() - 1; i >= 0; i--) {
      LayerIndex l = layers.get(row.layerKeys().get(i));
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }

  /** The merged view of the row's layers; containers of one image come one after another, so the last is kept. */
  private MergedView view(RootfsRow row, List<LayerIndex> chain) {
    StringBuilder key = new StringBuilder();
    chain.forEach(l -> key.append(l.entry).append(':'));
    if (!key.toString().equals(viewKey)) {
      view = null; // let the last view go before the next is built: at 4x scale each is tens of MB
      view = MergedView.of(chain);
      viewKey = key.toString();
    }
    return view;
  }

  private void defer(String entry, InputStream in, String command) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, Math.max(0, budget - held) + 1));
    if (held + bytes.length > budget) {
      warnings.accept(entry + ": drift not classified: the upper dir came before its layers, and holding it would "
          + "pass the memory budget of " + budget / (1 << 20) + " MB");
      readOnly(entry, new java.io.SequenceInputStream(new ByteArrayInputStream(bytes), in), command);
      return;
    }
    held += bytes.length;
    deferred.put(entry, new Deferred(bytes, command));
  }

  private void readOnly(String entry, InputStream in, String command) throws IOException {
    ParseIssues issues = ParseIssues.bounded(MAX_ISSUES);
    ListingReader.Result r = reader.read(in, entry, l -> { }, issues);
    record(entry, command, r, issues);
  }

  private void record(String entry, String command, ListingReader.Result r, ParseIssues issues) {
    if (r.cutLines() > 0) {
      warnings.accept(entry + ": " + r.cutLines() + " lines too long to be a listing's were skipped");
    }
    List<ParseIssue> list = issues.list();
    sources.accept(new SourceInfo(entry, 0, "file listing",
        "a root filesystem listing of the collector, by its place in the bundle", command, r.lines(), list));
  }

  /** How many layer indexes are held now: what the chain order keeps small. */
  int heldLayers() {
    return layers.size();
  }

  /** Ends the reading: what came out of order is merged now, with the layers at hand. */
  public Result finish() throws IOException {
    for (Map.Entry<String, Deferred> d : deferred.entrySet()) {
      RootfsRow row = byUpper.get(d.getKey());
      InputStream in = new ByteArrayInputStream(d.getValue().bytes());
      if (row == null || done.contains(row.id())) {
        readOnly(d.getKey(), in, d.getValue().command());
      } else {
        upper(row, d.getKey(), in, d.getValue().command());
      }
    }
    deferred.clear();
    if (rows != null) {
      for (RootfsRow r : rows) {
        if (!done.contains(r.id()) && r.upperEntry() == null) {
          finishRow(r, null, null);
        }
      }
    }
    if (!dropped.isEmpty()) {
      warnings.accept(dropped.size() + " layer listings were not merged for lack of memory: the containers on them "
          + "show no entry count");
    }
    return new Result(entries, drift);
  }
}
