#include "cli/review.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <system_error>

#include "analyzer/analyze.h"
#include "cli/annotated_docx.h"
#include "cli/heap.h"
#include "cli/inputs.h"
#include "cli/outputs.h"
#include "parsers/parse.h"
#include "reports/console.h"
#include "reports/html.h"
#include "reports/json.h"
#include "reports/sarif.h"
#include "reports/summary.h"

namespace clausecheck::cli {
namespace {

// Writes the annotated copy of the DOCX `review` was made from to each of
// `targets`, atomically, never over the input.
bool WriteAnnotatedDocx(const Review& review, const std::vector<std::string>& targets,
                        const reports::DocxAnnotateOptions& opt, std::string* err) {
  auto bytes = AnnotatedDocx(review, opt);
  if (!bytes.ok()) {
    *err = bytes.error().ToString();
    return false;
  }
  for (const std::string& target : targets) {
    std::error_code ec;
    if (std::filesystem::equivalent(review.document.path, target, ec)) {
      *err = target + ": will not write the annotated copy over the input";
      return false;
    }
    if (!WriteFileAtomically(target, bytes.value(), err)) return false;
  }
  return true;
}

void TakeFromConfig(const CLI::App& cmd, const char* flag, const std::optional<std::string>& value,
                    std::string* option) {
  if (cmd.count(flag) == 0 && value) *option = *value;
}

}  // namespace

Result<Review> ReviewInput(const Input& input, const parsers::Limits& limits,
                           const parsers::XmlOptions& xml, const analyzer::Engine& engine,
                           const analyzer::AnalyzeOptions& options) {
  if (!input.error.empty()) return Error{ErrorCode::kIo, input.error, input.path};
  auto doc = parsers::ParseFile(input.path, limits, xml);
  if (!doc.ok()) {
    Error e = doc.error();
    if (e.where.empty()) e.where = input.path;
    return e;
  }
  return analyzer::Analyze(std::move(doc.value()), engine, options);
}

CLI::App* AddReviewCommand(CLI::App* app, ReviewOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "review", "Review contracts (files or directories, recursively) and report findings");
  AddBatchOptions(cmd, &o->batch, /*changed_since=*/true);
  cmd->add_option("--format", o->format,
                  "Output on stdout: console, json, jsonl, html (one input; "
                  "docs/html-report.md), sarif (one SARIF 2.1.0 log for all inputs) or line "
                  "(path:block:column: severity rule-id message)")
      ->check(CLI::IsMember({"console", "json", "jsonl", "html", "sarif", "line"}))
      ->capture_default_str();
  cmd->add_option("--fail-on", o->fail_on,
                  "Exit 1 when a finding is at or above this severity "
                  "(info, low, medium, high, critical; never = no gate)")
      ->capture_default_str();
  cmd->add_option("--as-of", o->analysis.as_of,
                  "Reference date YYYY-MM-DD for date checks: a contract whose term ended "
                  "before it is reported expired (dates.expired)");
  cmd->add_option("--output-dir", o->output_dir,
                  "Also write every format per input under this directory, mirroring the "
                  "input paths: DIR/<input>.json, DIR/<input>.html, DIR/<input>.sarif, and "
                  "for DOCX inputs "
                  "the annotated copy (DIR/<input>.annotated.docx)");
  cmd->add_option("--docx-output", o->docx_output,
                  "Write the (one) DOCX input annotated with a Word comment per finding "
                  "to this file (docs/annotated-docx.md)");
  cmd->add_option("--html-output", o->html_output,
                  "Write the HTML report of the (one) input to this file (docs/html-report.md)");
  cmd->add_option("--json-output", o->json_output,
                  "Also write what --format json prints (one report, or an array for several "
                  "inputs) to this file");
  cmd->add_option("--sarif-output", o->sarif_output,
                  "Also write the SARIF 2.1.0 log of all inputs to this file");
  cmd->add_option("--summary", o->summary,
                  "Write a table of all documents (verdict, risk score, counts by severity, "
                  "parties, dates, governing law, error) to this file: CSV for *.csv, "
                  "Markdown for *.md or *.markdown");
  cmd->add_option("--color", o->color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  AddAnalysisFlags(cmd, &o->analysis);
  return cmd;
}

void AddAnalysisFlags(CLI::App* cmd, AnalysisFlags* o) {
  AddDateOrderOption(cmd, &o->date_order);
  AddJudgementOptions(cmd, &o->judgement);
  AddRulesetOptions(cmd, &o->rulesets);
  AddXmlMapOptions(cmd, &o->xml_maps);
}

Result<PreparedAnalysis> PrepareAnalysis(const CLI::App& cmd, AnalysisFlags o,
                                         const BatchOptions& batch, const Config& config,
                                         const Environment& env) {
  TakeFromConfig(cmd, "--as-of", config.as_of, &o.as_of);
  TakeFromConfig(cmd, "--stance", config.stance, &o.judgement.stance);
  TakeFromConfig(cmd, "--language", config.language, &o.judgement.language);
  TakeFromConfig(cmd, "--date-order", config.date_order, &o.date_order);
  for (const std::string& file : config.waivers) o.judgement.waivers.push_back(file);
  if (cmd.count("--xml-map") == 0) o.xml_maps.files = config.xml_maps;
  TakeFromConfig(cmd, "--xml-map-dir", config.xml_map_dir, &o.xml_maps.dir);
  if (!o.as_of.empty() && !ValidDate(o.as_of)) {
    return Error{ErrorCode::kUsage, "--as-of must be a date as YYYY-MM-DD, not '" + o.as_of + "'",
                 ""};
  }
  auto plan = PlanBatch(batch, config, env);
  if (!plan.ok()) return plan.error();
  // Unpacking the rules and building the filters touch a few megabytes of
  // fresh heap: on huge pages, as the review threads will be (heap.h), for
  // a run short enough to ask for them (a one-line review: 897 page faults
  // -> 438).
  const auto load = [&] { return LoadEngine(o.rulesets, config); };
  const bool huge_pages = HugePagesFor(plan.value().inputs.size());
  if (huge_pages) PadThreadHeaps();
  auto engine = huge_pages ? OnHugePages(load) : load();
  if (!engine.ok()) return engine.error();
  if (env.process_ends_after_run) LeaveToExit(engine.value());  // a copy: it shares the rules
  auto xml = LoadXmlOptions(o.xml_maps);
  if (!xml.ok()) return xml.error();
  analyzer::AnalyzeOptions analyze;
  analyze.as_of = o.as_of;
  analyze.date_order = ToDateOrder(o.date_order);
  if (auto loaded = LoadJudgementOptions(o.judgement, &analyze); !loaded.ok()) {
    return loaded.error();
  }
  parsers::Limits limits;
  limits.max_file_size = plan.value().max_file_size;
  return PreparedAnalysis{std::move(plan.value()), std::move(engine.value()),
                          std::move(xml.value()), std::move(analyze), limits};
}

int RunReview(const CLI::App& cmd, ReviewOptions o, const Config& config, const Environment& env,
              std::ostream& out, std::ostream& err) {
  TakeFromConfig(cmd, "--format", config.format, &o.format);
  TakeFromConfig(cmd, "--fail-on", config.fail_on, &o.fail_on);
  TakeFromConfig(cmd, "--output-dir", config.output_dir, &o.output_dir);
  TakeFromConfig(cmd, "--color", config.color, &o.color);

  std::optional<Severity> gate;
  if (o.fail_on != "never") {
    Severity s;
    if (!ParseSeverity(o.fail_on, &s)) {
      PrintError(err, "--fail-on must be info, low, medium, high, critical or never");
      return kExitError;
    }
    gate = s;
  }
  auto prepared = PrepareAnalysis(cmd, o.analysis, o.batch, config, env);
  if (!prepared.ok()) {
    PrintError(err, prepared.error().ToString());
    return kExitError;
  }
  const PreparedAnalysis& run = prepared.value();
  const analyzer::Engine& engine = run.engine;
  const parsers::Limits& limits = run.limits;
  const std::vector<Input>& inputs = run.plan.inputs;

  reports::ConsoleOptions console;
  console.color =
      o.color == "always" || (o.color == "auto" && env.stdout_is_terminal && !env.no_color);
  if (!o.docx_output.empty() && inputs.size() != 1) {
    PrintError(err, "--docx-output takes exactly one input file (use --output-dir for several)");
    return kExitError;
  }
  if (inputs.size() != 1 && (o.format == "html" || !o.html_output.empty())) {
    PrintError(err, std::string(o.format == "html" ? "--format html" : "--html-output") +
                        " takes exactly one input file (use --output-dir for several)");
    return kExitError;
  }
  reports::SummaryFormat summary_format = reports::SummaryFormat::kCsv;
  if (!o.summary.empty() && !reports::SummaryFormatFor(o.summary, &summary_format)) {
    PrintError(err, "--summary FILE must end in .csv (CSV) or .md/.markdown (Markdown), not '" +
                        o.summary + "'");
    return kExitError;
  }
  const reports::DocxAnnotateOptions docx =
      AnnotatedDocxOptions(run.analyze.as_of, engine.ruleset());
  const std::vector<reports::SarifRule> sarif_rules = SarifRules(engine.ruleset());
  // One object for one input; an array, streamed, for several.
  const bool json_array = inputs.size() != 1;
  const bool stream_json_array = o.format == "json" && json_array;
  // What the run-wide files need of each input, kept by index (each worker
  // writes only its own slot) and read in input order at the end. Inputs
  // skipped or never started (Ctrl-C) leave their slot empty.
  const bool want_sarif = o.format == "sarif" || !o.sarif_output.empty();
  std::vector<std::optional<reports::SarifEntry>> sarif_entries(want_sarif ? inputs.size() : 0);
  std::vector<std::optional<reports::SummaryRow>> summary_rows(o.summary.empty() ? 0
                                                                                 : inputs.size());
  std::vector<std::optional<std::string>> json_items(o.json_output.empty() ? 0 : inputs.size());

  auto work = [&](size_t i) {
    const Input& input = inputs[i];
    Outcome outcome;
    outcome.path = input.path;
    if (!o.batch.changed_since.empty() && input.error.empty() &&
        ReportIsCurrent(o.batch.changed_since, input.path, limits.max_file_size)) {
      outcome.skipped = true;
      return outcome;
    }
    std::optional<Review> review;
    auto reviewed = ReviewInput(input, limits, run.xml, engine, run.analyze);
    if (reviewed.ok()) {
      review = std::move(reviewed.value());
    } else {
      outcome.error = reviewed.error();
    }
    // The JSON report (or the error record), pretty or on one line.
    auto json_text = [&](bool pretty) {
      return review ? reports::ReportJsonText(*review, Tool(), pretty)
                    : reports::Serialize(reports::ErrorJson(input.path, *outcome.error, Tool()),
                                         pretty);
    };
    if (review) {
      outcome.verdict = review->verdict;
      outcome.gate_failed = gate && std::any_of(review->findings.begin(), review->findings.end(),
                                                [&](const Finding& f) {
                                                  return !f.suppressed && f.severity >= *gate;
                                                });
    }
    const bool need_pretty = !o.output_dir.empty() || !json_items.empty() || o.format == "json";
    const std::string pretty = need_pretty ? json_text(true) : std::string();
    if (!json_items.empty()) json_items[i] = pretty;
    if (!summary_rows.empty()) {
      summary_rows[i] = review ? reports::SummaryRowFor(*review)
                               : reports::SummaryRowForError(input.path, *outcome.error);
    }
    std::optional<reports::SarifEntry> sarif;
    if (want_sarif || !o.output_dir.empty()) {
      sarif = review ? reports::SarifEntryFor(*review)
                     : reports::SarifEntryForError(input.path, *outcome.error);
    }
    if (!o.output_dir.empty()) {
      // The JSON report, or the error record of an input that failed (which
      // --changed-since never takes for current).
      std::string werr;
      if (!WriteFileAtomically(MirrorPath(o.output_dir, input.path, ".json"), pretty, &werr)) {
        outcome.write_errors.push_back(werr);
      }
      // The other formats only for an input that was read: no partial file.
      if (review) {
        werr.clear();
        const auto log = reports::SarifLog({*sarif}, Tool(), sarif_rules);
        if (!WriteFileAtomically(MirrorPath(o.output_dir, input.path, ".sarif"),
                                 reports::Serialize(log, true), &werr)) {
          outcome.write_errors.push_back(werr);
        }
      }
    }
    // The HTML report: --html-output, --format html, and beside the JSON (for
    // an input that could not be read, a page that says so).
    std::string html;
    if (o.format == "html" || !o.html_output.empty() || !o.output_dir.empty()) {
      html = review ? reports::ReportHtml(*review, Tool())
                    : reports::ErrorHtml(input.path, *outcome.error, Tool());
    }
    for (const std::string& target :
         {o.html_output,
          o.output_dir.empty() ? std::string() : MirrorPath(o.output_dir, input.path, ".html")}) {
      if (target.empty()) continue;
      std::error_code ec;
      std::string werr;
      if (std::filesystem::equivalent(input.path, target, ec)) {
        outcome.write_errors.push_back(target + ": will not write the HTML report over the input");
      } else if (!WriteFileAtomically(target, html, &werr)) {
        outcome.write_errors.push_back(werr);
      }
    }
    if (want_sarif) sarif_entries[i] = std::move(sarif);
    // The annotated DOCX, for DOCX inputs: --docx-output and beside the JSON.
    std::vector<std::string> docx_targets;
    if (!o.docx_output.empty()) docx_targets.push_back(o.docx_output);
    if (!o.output_dir.empty() && review && review->document.format == Format::kDocx) {
      docx_targets.push_back(
          MirrorPath(o.output_dir, input.path, AnnotatedDocxExtension(input.path)));
    }
    if (review && !docx_targets.empty()) {
      std::string werr;
      if (review->document.format != Format::kDocx) {
        werr = input.path + ": --docx-output needs a DOCX input, not " +
               std::string(Name(review->document.format));
      }
      if (!werr.empty() || !WriteAnnotatedDocx(*review, docx_targets, docx, &werr)) {
        outcome.write_errors.push_back(werr);
      }
    }
    if (o.format == "console") {
      // An unreadable input keeps its place in the listing, as in jsonl.
      std::ostringstream text;
      if (review) {
        reports::WriteConsole(*review, console, text);
      } else {
        reports::WriteConsoleError(input.path, *outcome.error, console, text);
      }
      outcome.out = text.str();
    } else if (o.format == "html") {
      outcome.out = std::move(html);
    } else if (o.format == "line") {
      // An unreadable input has no line: its error is on stderr.
      std::ostringstream text;
      if (review) reports::WriteLines(*review, text);
      outcome.out = text.str();
    } else if (o.format == "jsonl") {
      outcome.out = json_text(false);
    } else if (o.format == "json") {
      outcome.out = stream_json_array ? AsArrayElement(pretty) : pretty;
    }  // sarif: one log at the end
    return outcome;
  };
  bool gate_failed = false;
  auto write = [&](size_t written, const Outcome& outcome) {
    gate_failed = gate_failed || outcome.gate_failed;
    if (stream_json_array) out << (written == 0 ? "[\n" : ",\n");
    out << outcome.out;
    out.flush();
  };
  BatchResult batch = DriveBatch(run.plan, o.batch, env, work, write, err);

  const Totals& t = batch.totals;
  const size_t written = t.inputs - t.skipped;
  if (stream_json_array) out << (written == 0 ? "[]\n" : "\n]\n");
  // The run-wide files, once, from the inputs that ran, in input order.
  bool write_failed = false;
  auto write_file = [&](const std::string& path, const std::string& content) {
    std::string werr;
    if (!WriteFileAtomically(path, content, &werr)) {
      PrintError(err, werr);
      write_failed = true;
    }
  };
  if (want_sarif) {
    std::vector<reports::SarifEntry> entries;
    for (auto& e : sarif_entries) {
      if (e) entries.push_back(std::move(*e));
    }
    const std::string log =
        reports::Serialize(reports::SarifLog(entries, Tool(), sarif_rules), true);
    if (o.format == "sarif") out << log;
    if (!o.sarif_output.empty()) write_file(o.sarif_output, log);
  }
  if (!o.json_output.empty()) {
    std::vector<std::string> items;
    for (auto& item : json_items) {
      if (item) items.push_back(std::move(*item));
    }
    write_file(o.json_output, JsonDocument(items, json_array));
  }
  if (!o.summary.empty()) {
    std::vector<reports::SummaryRow> rows;
    for (auto& row : summary_rows) {
      if (row) rows.push_back(std::move(*row));
    }
    write_file(o.summary, reports::SummaryTable(rows, summary_format));
  }
  if (o.format == "console" && (inputs.size() > 1 || t.errors > 0)) {
    reports::BatchTotals totals;
    totals.documents = static_cast<int>(written);
    totals.pass = static_cast<int>(t.pass);
    totals.review = static_cast<int>(t.review);
    totals.block = static_cast<int>(t.block);
    totals.errors = static_cast<int>(t.errors);
    reports::WriteConsoleTotals(totals, console, out);
  }
  out.flush();
  if (batch.interrupted) return kExitInterrupted;
  if (t.errors > 0 || write_failed) return kExitError;
  return gate_failed ? kExitGateFailed : kExitOk;
}

}  // namespace clausecheck::cli
