#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/examples.h"
#include "analyzer/ruleset.h"
#include "analyzer/segment.h"
#include "cli/annotated_docx.h"
#include "cli/inputs.h"
#include "parsers/parse.h"
#include "reports/console.h"
#include "reports/json.h"

namespace clausecheck::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

constexpr const char* kVersion = CLAUSECHECK_VERSION;

reports::ToolInfo Tool() { return reports::ToolInfo{"clausecheck", kVersion}; }

void PrintError(std::ostream& err, const std::string& line) {
  err << "clausecheck: error: " << line << "\n";
}

// Options shared by every command that loads a ruleset.
struct RulesetOptions {
  std::vector<std::string> files;
  bool no_default = false;
};

void AddRulesetOptions(CLI::App* cmd, RulesetOptions* o) {
  cmd->add_option("--ruleset", o->files,
                  "YAML ruleset extending or overriding the default one (repeatable)");
  cmd->add_flag("--no-default-ruleset", o->no_default,
                "Start from an empty ruleset instead of the embedded default");
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIo, "cannot read ruleset file", path};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<analyzer::Ruleset> LoadRuleset(const RulesetOptions& o) {
  analyzer::Ruleset rs;
  if (!o.no_default) {
    auto def = analyzer::DefaultRuleset();
    if (!def.ok()) return def.error();
    rs = std::move(def.value());
  } else {
    rs.name = "custom";
  }
  for (const std::string& file : o.files) {
    auto text = ReadWholeFile(file);
    if (!text.ok()) return text.error();
    auto overlay = analyzer::ParseRuleset(text.value(), file);
    if (!overlay.ok()) return overlay.error();
    auto merged = analyzer::MergeRuleset(overlay.value(), &rs);
    if (!merged.ok()) {
      Error e = merged.error();
      e.where = file;
      return e;
    }
  }
  return rs;
}

// Mapping files for custom XML schemas: --xml-map FILE (repeatable) and every
// *.yaml / *.yml in --xml-map-dir, in name order; a document uses the first
// whose root element (and namespace) match.
struct XmlMapOptions {
  std::vector<std::string> files;
  std::string dir;
};

void AddXmlMapOptions(CLI::App* cmd, XmlMapOptions* o) {
  cmd->add_option("--xml-map", o->files,
                  "Mapping file for a custom XML schema (repeatable; docs/xml-mapping.md)");
  cmd->add_option("--xml-map-dir", o->dir,
                  "Directory of mapping files, chosen by each XML document's root element");
}

Result<parsers::XmlOptions> LoadXmlOptions(const XmlMapOptions& o) {
  std::vector<std::string> files = o.files;
  if (!o.dir.empty()) {
    std::error_code ec;
    std::vector<std::string> found;
    for (fs::directory_iterator it(o.dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string ext = it->path().extension().string();
      if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
        found.push_back(it->path().string());
      }
    }
    if (ec)
      return Error{ErrorCode::kConfig, "cannot read mapping directory: " + ec.message(), o.dir};
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  parsers::XmlOptions xml;
  for (const std::string& file : files) {
    auto text = ReadWholeFile(file);
    if (!text.ok()) return Error{ErrorCode::kConfig, "cannot read mapping file", file};
    auto mapping = parsers::LoadXmlMapping(text.value(), file);
    if (!mapping.ok()) return mapping.error();
    xml.mappings.push_back(std::move(mapping.value()));
  }
  return xml;
}

Result<analyzer::Engine> LoadEngine(const RulesetOptions& o) {
  auto rs = LoadRuleset(o);
  if (!rs.ok()) return rs.error();
  return analyzer::Engine::Compile(rs.value());
}

bool ValidDate(const std::string& s) {
  int y, m, d;
  char tail;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
    return false;
  }
  if (s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = (m == 2 && !leap) ? 28 : kDays[m - 1];
  return d <= max;
}

// Writes `content` to `path` atomically: a temporary file in the same
// directory, then a rename, so a reader never sees half a report.
bool WriteFileAtomically(const std::string& path, const std::string& content, std::string* err) {
  std::error_code ec;
  fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  if (ec) {
    *err = "cannot create directory " + p.parent_path().string() + ": " + ec.message();
    return false;
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << content;
    f.flush();
    if (!f) {
      *err = "cannot write " + tmp;
      return false;
    }
  }
  fs::rename(tmp, p, ec);
  if (ec) {
    *err = "cannot rename " + tmp + " to " + path + ": " + ec.message();
    return false;
  }
  return true;
}

// How to read 01/02/2026: --date-order mdy|dmy|auto.
analyzer::DateOrder ToDateOrder(const std::string& s) {
  if (s == "mdy") return analyzer::DateOrder::kMonthFirst;
  if (s == "dmy") return analyzer::DateOrder::kDayFirst;
  return analyzer::DateOrder::kAuto;
}

void AddDateOrderOption(CLI::App* cmd, std::string* order) {
  cmd->add_option("--date-order", *order,
                  "How to read numeric dates such as 01/02/2026: mdy, dmy, or auto (by the "
                  "governing law named, else month first in English and day first in Chinese; "
                  "auto marks such dates ambiguous)")
      ->check(CLI::IsMember({"auto", "mdy", "dmy"}))
      ->capture_default_str();
}

// ---------------------------------------------------------------- review --

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
    if (fs::equivalent(review.document.path, target, ec)) {
      *err = target + ": will not write the annotated copy over the input";
      return false;
    }
    if (!WriteFileAtomically(target, bytes.value(), err)) return false;
  }
  return true;
}

struct ReviewOptions {
  std::vector<std::string> paths;
  std::string format = "console";
  std::string fail_on = "never";
  std::string as_of;
  std::string date_order = "auto";
  std::string stance = "neutral";
  std::string output_dir;
  std::string docx_output;
  std::string color = "auto";
  RulesetOptions rulesets;
  XmlMapOptions xml_maps;
};

int RunReview(const ReviewOptions& o, const Environment& env, std::ostream& out,
              std::ostream& err) {
  std::optional<Severity> gate;
  if (o.fail_on != "never") {
    Severity s;
    if (!ParseSeverity(o.fail_on, &s)) {
      PrintError(err, "--fail-on must be info, low, medium, high, critical or never");
      return kExitError;
    }
    gate = s;
  }
  if (!o.as_of.empty() && !ValidDate(o.as_of)) {
    PrintError(err, "--as-of must be a date as YYYY-MM-DD, not '" + o.as_of + "'");
    return kExitError;
  }
  auto engine = LoadEngine(o.rulesets);
  if (!engine.ok()) {
    PrintError(err, engine.error().ToString());
    return kExitError;
  }
  auto xml = LoadXmlOptions(o.xml_maps);
  if (!xml.ok()) {
    PrintError(err, xml.error().ToString());
    return kExitError;
  }

  reports::ConsoleOptions console;
  console.color =
      o.color == "always" || (o.color == "auto" && env.stdout_is_terminal && !env.no_color);
  analyzer::AnalyzeOptions analyze;
  analyze.as_of = o.as_of;
  analyze.date_order = ToDateOrder(o.date_order);
  analyze.stance = o.stance;

  const std::vector<Input> inputs = ExpandInputs(o.paths);
  if (!o.docx_output.empty() && inputs.size() != 1) {
    PrintError(err, "--docx-output takes exactly one input file (use --output-dir for several)");
    return kExitError;
  }
  const reports::DocxAnnotateOptions docx = AnnotatedDocxOptions(o.as_of, engine.value().ruleset());
  reports::BatchTotals totals;
  bool gate_failed = false;
  ordered_json json_items = ordered_json::array();

  for (const Input& input : inputs) {
    ++totals.documents;
    std::optional<Error> error;
    std::optional<Review> review;
    if (!input.error.empty()) {
      error = Error{ErrorCode::kIo, input.error, input.path};
    } else {
      auto doc = parsers::ParseFile(input.path, parsers::Limits{}, xml.value());
      if (!doc.ok()) {
        error = doc.error();
        if (error->where.empty()) error->where = input.path;
      } else {
        review = analyzer::Analyze(std::move(doc.value()), engine.value(), analyze);
      }
    }

    ordered_json item = error ? reports::ErrorJson(input.path, *error, Tool())
                              : reports::ReportJson(*review, Tool());
    if (error) {
      ++totals.errors;
      PrintError(err, error->ToString());
    } else {
      switch (review->verdict) {
        case Verdict::kPass: ++totals.pass; break;
        case Verdict::kReview: ++totals.review; break;
        case Verdict::kBlock: ++totals.block; break;
      }
      if (gate && std::any_of(review->findings.begin(), review->findings.end(),
                              [&](const Finding& f) { return f.severity >= *gate; })) {
        gate_failed = true;
      }
    }

    if (!o.output_dir.empty()) {
      std::string werr;
      if (!WriteFileAtomically(MirrorPath(o.output_dir, input.path, ".json"),
                               reports::Serialize(item, true), &werr)) {
        PrintError(err, werr);
        ++totals.errors;
      }
    }
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
        PrintError(err, werr);
        ++totals.errors;
      }
    }
    if (o.format == "console") {
      // An unreadable input keeps its place in the listing, as in jsonl.
      if (review) {
        reports::WriteConsole(*review, console, out);
      } else {
        reports::WriteConsoleError(input.path, *error, console, out);
      }
    } else if (o.format == "jsonl") {
      out << reports::Serialize(item, false);
      out.flush();
    } else {
      json_items.push_back(std::move(item));
    }
  }

  if (o.format == "json") {
    out << reports::Serialize(json_items.size() == 1 ? json_items[0] : json_items, true);
  } else if (o.format == "console" && (inputs.size() > 1 || totals.errors > 0)) {
    reports::WriteConsoleTotals(totals, console, out);
  }
  if (totals.errors > 0) return kExitError;
  return gate_failed ? kExitGateFailed : kExitOk;
}

// ----------------------------------------------------------------- rules --

std::string OneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

int RunRulesList(const RulesetOptions& o, std::ostream& out, std::ostream& err) {
  auto rs = LoadRuleset(o);
  if (!rs.ok()) {
    PrintError(err, rs.error().ToString());
    return kExitError;
  }
  for (const auto& r : rs.value().rules) {
    out << r.id << "\t" << analyzer::Name(r.lang) << "\t" << Name(r.kind) << "\t"
        << Name(r.severity) << "\t" << Name(r.category) << "\t" << OneLine(r.message) << "\n";
  }
  return kExitOk;
}

int RunRulesValidate(const RulesetOptions& o, std::ostream& out, std::ostream& err) {
  auto engine = LoadEngine(o);
  if (!engine.ok()) {
    PrintError(err, engine.error().ToString());
    return kExitError;
  }
  const auto& rs = engine.value().ruleset();
  out << "ok: ruleset " << rs.name << " " << rs.version << ": " << rs.rules.size() << " rules, "
      << rs.classifiers.size() << " classifiers\n";
  return kExitOk;
}

Document ExampleDocument(std::string_view text) {
  auto doc = parsers::ParseBytes(text, "<example>");
  if (doc.ok()) return std::move(doc.value());
  Document empty;
  empty.path = "<example>";
  return empty;
}

int RunRulesTest(const RulesetOptions& o, std::ostream& out, std::ostream& err) {
  auto engine = LoadEngine(o);
  if (!engine.ok()) {
    PrintError(err, engine.error().ToString());
    return kExitError;
  }
  analyzer::ExampleReport report = analyzer::TestExamples(engine.value(), ExampleDocument);
  for (const auto& f : report.failures) {
    out << f.where << ": " << f.subject << ": " << f.message << "\n";
  }
  const int failed = static_cast<int>(report.failures.size());
  out << "rules test: " << report.rules << " rules, " << report.classifiers
      << " classifiers with examples\n";
  out << (report.examples - failed) << " passed, " << failed << " failed\n";
  return failed == 0 ? kExitOk : kExitGateFailed;
}

// ------------------------------------------------------------------ dump --

int RunDump(const std::string& path, const std::string& format, bool facts,
            analyzer::DateOrder date_order, const RulesetOptions& rulesets,
            const XmlMapOptions& xml_maps, std::ostream& out, std::ostream& err) {
  auto xml = LoadXmlOptions(xml_maps);
  if (!xml.ok()) {
    PrintError(err, xml.error().ToString());
    return kExitError;
  }
  auto doc = parsers::ParseFile(path, parsers::Limits{}, xml.value());
  if (!doc.ok()) {
    Error e = doc.error();
    if (e.where.empty()) e.where = path;
    PrintError(err, e.ToString());
    return kExitError;
  }
  const Document& d = doc.value();
  if (format == "text" && !facts) {
    for (const Block& b : d.blocks) {
      if (!b.label.empty()) out << b.label << " ";
      out << b.text << "\n";
    }
    return kExitOk;
  }
  auto engine = LoadEngine(rulesets);
  if (!engine.ok()) {
    PrintError(err, engine.error().ToString());
    return kExitError;
  }
  // The review takes the document over (no copy); read it back from there.
  analyzer::AnalyzeOptions analyze;
  analyze.date_order = date_order;
  Review r = analyzer::Analyze(std::move(doc.value()), engine.value(), analyze);
  const Document& read = r.document;
  if (facts) {
    out << reports::Serialize(reports::FactsReportJson(r.facts), true);
    return kExitOk;
  }
  ordered_json j;
  j["path"] = read.path;
  j["format"] = std::string(Name(read.format));
  j["encoding"] = read.encoding;
  j["language"] = r.language;
  j["notices"] = read.notices;
  ordered_json blocks = ordered_json::array();
  for (const Block& b : read.blocks) {
    ordered_json jb;
    jb["index"] = b.source.index;
    jb["kind"] = std::string(Name(b.kind));
    jb["label"] = b.label;
    jb["heading_level"] = b.heading_level;
    jb["text"] = b.text;
    jb["source"] = {{"part", b.source.part}, {"index", b.source.index}, {"line", b.source.line}};
    ordered_json marks = ordered_json::array();
    for (const Mark& m : b.marks) {
      marks.push_back({{"kind", std::string(Name(m.kind))},
                       {"start", m.start},
                       {"end", m.end},
                       {"author", m.author},
                       {"date", m.date},
                       {"text", m.text}});
    }
    jb["marks"] = marks;
    if (b.anchor >= 0) jb["anchor"] = b.anchor;
    blocks.push_back(std::move(jb));
  }
  j["blocks"] = blocks;
  ordered_json clauses = ordered_json::array();
  for (const Clause& c : r.clauses) {
    ordered_json categories = ordered_json::array();
    for (Category cat : c.categories) categories.push_back(std::string(Name(cat)));
    clauses.push_back(
        {{"id", c.id},
         {"number", c.number},
         {"heading", c.heading},
         {"level", c.level},
         {"parent", c.parent >= 0 ? ordered_json(r.clauses[c.parent].id) : ordered_json(nullptr)},
         {"blocks", {c.first_block, c.end_block}},
         {"categories", categories},
         {"tags", c.tags}});
  }
  j["clauses"] = clauses;
  out << reports::Serialize(j, true);
  return kExitOk;
}

}  // namespace

int Run(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
        std::ostream& err) {
  CLI::App app{
      "clausecheck: clause-level contract review and risk checker (English and Chinese).\n"
      "Exit codes: 0 ran and nothing at or above the gate; 1 the gate failed; 2 an error "
      "(usage, ruleset, or an input that could not be read)."};
  app.name("clausecheck");
  app.set_version_flag("--version", std::string("clausecheck ") + kVersion);
  app.require_subcommand(1);
  app.failure_message(CLI::FailureMessage::simple);

  ReviewOptions review;
  CLI::App* review_cmd = app.add_subcommand(
      "review", "Review contracts (files or directories, recursively) and report findings");
  review_cmd->add_option("paths", review.paths, "Contract files or directories")->required();
  review_cmd->add_option("--format", review.format, "Output: console, json or jsonl")
      ->check(CLI::IsMember({"console", "json", "jsonl"}))
      ->capture_default_str();
  review_cmd
      ->add_option("--fail-on", review.fail_on,
                   "Exit 1 when a finding is at or above this severity "
                   "(info, low, medium, high, critical; never = no gate)")
      ->capture_default_str();
  review_cmd->add_option("--as-of", review.as_of,
                         "Reference date YYYY-MM-DD for date checks such as expiry (validated; no "
                         "rule of the default playbook uses it yet)");
  review_cmd->add_option("--output-dir", review.output_dir,
                         "Also write one JSON report per input under this directory, "
                         "mirroring the input paths (DIR/<input>.json), and for DOCX inputs "
                         "the annotated copy (DIR/<input>.annotated.docx)");
  review_cmd->add_option("--docx-output", review.docx_output,
                         "Write the (one) DOCX input annotated with a Word comment per finding "
                         "to this file (docs/annotated-docx.md)");
  review_cmd->add_option("--color", review.color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  AddDateOrderOption(review_cmd, &review.date_order);
  review_cmd
      ->add_option(
          "--stance", review.stance,
          "Whose side to review for: neutral, party-a (甲方, the first party named), "
          "party-b, customer or vendor; findings that hurt only the other side become info")
      ->check(CLI::IsMember({"neutral", "party-a", "party-b", "customer", "vendor"}))
      ->capture_default_str();
  AddRulesetOptions(review_cmd, &review.rulesets);
  AddXmlMapOptions(review_cmd, &review.xml_maps);

  CLI::App* rules_cmd = app.add_subcommand("rules", "List, validate or test rulesets");
  rules_cmd->require_subcommand(1);
  RulesetOptions rules_opts;
  CLI::App* rules_list = rules_cmd->add_subcommand(
      "list", "List the rules: id, lang, kind, severity, category, message");
  CLI::App* rules_validate = rules_cmd->add_subcommand(
      "validate",
      "Load and compile the ruleset, reporting the first error as file:line: rule-id: message");
  CLI::App* rules_test =
      rules_cmd->add_subcommand("test", "Run every rule's and classifier's examples");
  for (CLI::App* c : {rules_list, rules_validate, rules_test}) AddRulesetOptions(c, &rules_opts);
  std::vector<std::string> validate_files;
  rules_validate->add_option("files", validate_files,
                             "Ruleset files to validate (added on top of the default)");

  std::string dump_path;
  std::string dump_format = "text";
  RulesetOptions dump_rulesets;
  XmlMapOptions dump_xml_maps;
  CLI::App* dump_cmd =
      app.add_subcommand("dump",
                         "Show a document as clausecheck reads it: blocks with labels (text), or "
                         "blocks, marks, source refs and the clause tree (json)");
  dump_cmd->add_option("file", dump_path, "Contract file")->required();
  dump_cmd->add_option("--format", dump_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  bool dump_facts = false;
  dump_cmd->add_flag("--facts", dump_facts,
                     "Print the facts found (dates, amounts, durations, percentages, parties, "
                     "governing law, forums, defined terms, cross-references) as the report's "
                     "JSON facts object");
  std::string dump_date_order = "auto";
  AddDateOrderOption(dump_cmd, &dump_date_order);
  AddRulesetOptions(dump_cmd, &dump_rulesets);
  AddXmlMapOptions(dump_cmd, &dump_xml_maps);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  if (!reversed.empty()) reversed.pop_back();  // program name
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      app.exit(e, out, err);
      return kExitOk;
    }
    app.exit(e, out, err);
    return kExitError;
  }

  if (*review_cmd) return RunReview(review, env, out, err);
  if (*rules_list) return RunRulesList(rules_opts, out, err);
  if (*rules_validate) {
    rules_opts.files.insert(rules_opts.files.end(), validate_files.begin(), validate_files.end());
    return RunRulesValidate(rules_opts, out, err);
  }
  if (*rules_test) return RunRulesTest(rules_opts, out, err);
  if (*dump_cmd)
    return RunDump(dump_path, dump_format, dump_facts, ToDateOrder(dump_date_order), dump_rulesets,
                   dump_xml_maps, out, err);
  return kExitError;
}

}  // namespace clausecheck::cli
