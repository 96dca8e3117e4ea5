package io.podmortem.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podmortem.bundle.Limits;
import io.podmortem.cli.Analyzer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report of every sample in a real browser: Debian's headless chromium through chromedriver, both from
 * /usr/bin (CI installs them; elsewhere the test is skipped). The page must load with no console error and no
 * request beyond its own file, the search box must narrow the pods to the one typed, and container links must
 * land on their cards. A screenshot of each report is left in target/browser/ for a human to look at.
 */
class HtmlBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path OUT = Path.of("target", "browser");

  /** Held so that the level sticks: Selenium warns on every start that it has no CDP for this Chromium. */
  private static final java.util.logging.Logger CDP_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private ChromeDriver driver;

  @BeforeAll
  static void needsChromium() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    // Explicit paths for both, so Selenium Manager has nothing to look up or download.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    // The test drives the page through WebDriver only; the DevTools protocol version does not matter.
    CDP_LOG.setLevel(Level.OFF);
  }

  static Stream<String> samples() {
    return Stream.of("udon", "docker-node.tar.gz", "containerd-cgv2", "crio-cgv2");
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void report_worksInChromium(String sample, @TempDir Path profile) throws Exception {
    ObjectNode model = ReportModel.build(new Analyzer(Limits.defaults())
        .analyze(Path.of(System.getProperty("podmortem.samples", "../samples")).resolve(sample)));
    Files.createDirectories(OUT);
    Path html = OUT.resolve(sample + ".html").toAbsolutePath();
    Files.writeString(html, new Renderer().html(model, Map.of()));

    driver = start(profile);
    driver.get(html.toUri().toString());
    JavascriptExecutor js = driver;
    assertThat(driver.findElements(By.id("search"))).as("the search box").hasSize(1);

    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, OUT.resolve(sample + ".png"), StandardCopyOption.REPLACE_EXISTING);

    // No request beyond the file itself: no script, style, font, image or beacon from anywhere.
    assertThat((List<?>) js.executeScript(
        "return performance.getEntriesByType('resource').map(function(e){return e.name;});"))
        .as("resources the page loaded").isEmpty();
    List<?> navigations = (List<?>) js.executeScript(
        "return performance.getEntriesByType('navigation').map(function(e){return e.name;});");
    assertThat(navigations).isNotEmpty().allSatisfy(n -> assertThat((String) n).startsWith("file:"));

    searchNarrowsToOnePod(model, js);
    anchorsLandOnTheirCards(model, js);
    cardLinkNarrowsTheTimeline(model, js);

    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(e.getMessage());
      }
    }
    assertThat(errors).as("console errors").isEmpty();
  }

  /** Typing a pod's name leaves only its card, with its containers; clearing the box brings every pod back. */
  private void searchNarrowsToOnePod(ObjectNode model, JavascriptExecutor js) {
    JsonNode pod = null;
    for (JsonNode p : model.get("pods")) {
      if (!p.get("containerIds").isEmpty() && p.hasNonNull("name") && p.hasNonNull("uid")) {
        pod = p;
        break;
      }
    }
    if (pod == null) {
      return;
    }
    String title = pod.get("namespace").asText("?") + "/" + pod.get("name").asText();
    String uid = pod.get("uid").asText();
    Set<String> itsCards = new java.util.TreeSet<>();
    for (JsonNode c : model.get("containers")) {
      if (c.hasNonNull("pod") && uid.equals(c.get("pod").path("uid").asText(null))) {
        itsCards.add(c.get("anchor").asText());
      }
    }
    assertThat(itsCards).as("containers of " + title).isNotEmpty();
    List<WebElement> pods = driver.findElements(By.cssSelector(".pod.filterable:not(.outside)"));
    assertThat(pods).hasSize(model.get("pods").size());

    WebElement box = driver.findElement(By.id("search"));
    box.sendKeys(pod.get("name").asText());

    List<WebElement> visible = pods.stream().filter(WebElement::isDisplayed).toList();
    assertThat(visible).as("pods left after typing " + pod.get("name").asText()).hasSize(1);
    WebElement card = visible.get(0);
    assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo(title);
    for (WebElement p : pods) {
      if (!p.equals(card)) {
        assertThat(p.getAttribute("class")).as("a pod other than " + title).contains("hidden");
      }
    }
    assertThat(shownCards(card.findElements(By.cssSelector(".card"))))
        .as("container cards shown in " + title).isEqualTo(itsCards);
    // The container cards of every other pod are gone too, and so are those outside any known pod.
    assertThat(shownCards(driver.findElements(By.cssSelector(".card"))))
        .as("container cards shown anywhere").isEqualTo(itsCards);

    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    assertThat(box.getAttribute("value")).isEmpty();
    assertThat(pods).allSatisfy(p -> assertThat(p.isDisplayed()).isTrue());
    assertThat(driver.findElements(By.cssSelector(".card"))).allSatisfy(c -> assertThat(c.isDisplayed()).isTrue());
  }

  /** A click on a container's link puts its anchor in the address and its card in view. */
  private void anchorsLandOnTheirCards(ObjectNode model, JavascriptExecutor js) {
    List<JsonNode> containers = new ArrayList<>();
    model.get("containers").forEach(containers::add);
    if (containers.isEmpty()) {
      return;
    }
    // The last container: its card is furthest down, so the page must really scroll to it.
    for (JsonNode c : List.of(containers.get(0), containers.get(containers.size() - 1))) {
      String anchor = c.get("anchor").asText();
      js.executeScript("window.scrollTo(0,0);");
      WebElement link = driver.findElement(By.cssSelector("a[href=\"#" + anchor + "\"]"));
      link.click();
      waitFor(() -> ("#" + anchor).equals(js.executeScript("return location.hash;")));
      assertThat(js.executeScript("return location.hash;")).isEqualTo("#" + anchor);
      assertThat(driver.findElements(By.id(anchor))).as(anchor).hasSize(1);
      Boolean inView = (Boolean) js.executeScript(
          "var r=document.getElementById(arguments[0]).getBoundingClientRect();"
              + "return r.height>0&&r.top<window.innerHeight&&r.bottom>0;", anchor);
      assertThat(inView).as(anchor + " in the viewport after the click").isTrue();
      assertThat((Boolean) js.executeScript("return document.querySelector(':target')===document.getElementById("
          + "arguments[0]);", anchor)).as(":target is " + anchor).isTrue();
    }
  }

  /**
   * A card's "N events" link shows the node's timeline narrowed to that container: its rows, all of them its own,
   * where the JSON timeline holds N events for it (rows group events of one instant, {@link Timeline#rows}).
   * "all" in the timeline's menu brings every row back.
   */
  private void cardLinkNarrowsTheTimeline(ObjectNode model, JavascriptExecutor js) {
    Map<String, Integer> perContainer = new java.util.TreeMap<>();
    model.path("timeline").forEach(t -> {
      if (t.hasNonNull("container")) {
        perContainer.merge(t.get("container").asText(), 1, Integer::sum);
      }
    });
    List<Map<String, Object>> rows = Timeline.rows((List<?>) ReportModel.asMap(model).get("timeline"));
    Map<String, Integer> rowsPer = new java.util.TreeMap<>();
    rows.forEach(r -> {
      if (r.get("container") != null) {
        rowsPer.merge((String) r.get("container"), 1, Integer::sum);
      }
    });
    assertThat(driver.findElements(By.cssSelector("a.tl-show"))).as("timeline links").hasSize(perContainer.size());
    if (perContainer.isEmpty()) {
      return;
    }
    // A container whose events share rows, where there is one.
    String id = perContainer.keySet().stream().filter(c -> rowsPer.get(c) < perContainer.get(c)).findFirst()
        .orElse(perContainer.keySet().iterator().next());
    WebElement link = driver.findElement(By.cssSelector("a.tl-show[data-container=\"" + id + "\"]"));
    int n = perContainer.get(id);
    int shown = rowsPer.get(id);
    assertThat(link.getText()).isEqualTo(n + (n == 1 ? " event" : " events"));
    js.executeScript("arguments[0].scrollIntoView();", link);
    link.click();
    String shownRows = "return Array.from(document.querySelectorAll('#tl tr')).slice(1)"
        + ".filter(function(tr){return tr.offsetParent!==null;}).map(function(tr){return tr.cells[2].textContent;});";
    waitFor(() -> ((List<?>) js.executeScript(shownRows)).size() == shown);
    assertThat((List<?>) js.executeScript(shownRows)).as("timeline rows after the link of " + id).hasSize(shown)
        .allSatisfy(c -> assertThat(c).isEqualTo(id));
    js.executeScript("var s=document.getElementById('tl-filter');s.value='';s.dispatchEvent(new Event('change'));");
    assertThat((List<?>) js.executeScript(shownRows)).hasSize(rows.size());
  }

  private static Set<String> shownCards(List<WebElement> cards) {
    return cards.stream().filter(WebElement::isDisplayed).map(e -> e.getAttribute("id"))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--window-size=1280,2400",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }
}
