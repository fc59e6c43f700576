#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <algorithm>

#include "analyzer/analyze.h"
#include "analyzer/engine.h"
#include "analyzer/examples.h"
#include "analyzer/ruleset.h"
#include "analyzer/segment.h"
#include "cli/check.h"
#include "cli/common.h"
#include "cli/config.h"
#include "cli/review.h"
#include "parsers/parse.h"
#include "reports/json.h"

namespace clausecheck::cli {
namespace {

using nlohmann::ordered_json;

constexpr const char* kVersion = CLAUSECHECK_VERSION;

}  // namespace

// Options several commands share (declared in cli/common.h; defined here, with
// the rest of the CLI11 wiring).
void AddRulesetOptions(CLI::App* cmd, RulesetOptions* o) {
  cmd->add_option("--ruleset", o->files,
                  "YAML ruleset extending or overriding the default one (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-ruleset", o->no_default,
                "Start from an empty ruleset instead of the embedded default");
}

void AddDateOrderOption(CLI::App* cmd, std::string* order) {
  cmd->add_option("--date-order", *order,
                  "How to read numeric dates such as 01/02/2026: mdy, dmy, or auto (by the "
                  "governing law named, else month first in English and day first in Chinese; "
                  "auto marks such dates ambiguous)")
      ->check(CLI::IsMember({"auto", "mdy", "dmy"}))
      ->capture_default_str();
}

void AddJudgementOptions(CLI::App* cmd, JudgementOptions* o) {
  cmd->add_option("--stance", o->stance,
                  "Whose side to review for: neutral, party-a (甲方, the first party named), "
                  "party-b, customer or vendor; findings that hurt only the other side become info")
      ->check(CLI::IsMember({"neutral", "party-a", "party-b", "customer", "vendor"}))
      ->capture_default_str();
  cmd->add_option("--language", o->language,
                  "The contracts' language: auto (detected from the text), en, zh, or mixed "
                  "(runs the English and the Chinese rules)")
      ->check(CLI::IsMember({"auto", "en", "zh", "mixed"}))
      ->capture_default_str();
  cmd->add_option("--waivers", o->waivers,
                  "YAML file of accepted findings (waivers: [{rule, fingerprint, reason}]); "
                  "waived findings are marked suppressed and do not count (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--baseline", o->baseline,
                  "An earlier JSON or JSONL report: findings already in it are marked "
                  "suppressed, so only new findings count");
}

void AddXmlMapOptions(CLI::App* cmd, XmlMapOptions* o) {
  cmd->add_option("--xml-map", o->files,
                  "Mapping file for a custom XML schema (repeatable; docs/xml-mapping.md)")
      ->allow_extra_args(false);
  cmd->add_option("--xml-map-dir", o->dir,
                  "Directory of mapping files, chosen by each XML document's root element");
}

namespace {

// ----------------------------------------------------------------- rules --

int RunRulesList(const RulesetOptions& o, const Config& config, std::ostream& out,
                 std::ostream& err) {
  auto rs = LoadRuleset(o, config);
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

int RunRulesValidate(const RulesetOptions& o, const Config& config, std::ostream& out,
                     std::ostream& err) {
  auto engine = LoadEngine(o, config);
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

int RunRulesTest(const RulesetOptions& o, const Config& config, std::ostream& out,
                 std::ostream& err) {
  auto engine = LoadEngine(o, config);
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
            const XmlMapOptions& xml_maps, const Config& config, std::ostream& out,
            std::ostream& err) {
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
  auto engine = LoadEngine(rulesets, config);
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
      if (m.kind == MarkKind::kComment) marks.back()["resolved"] = m.resolved;
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
      "(usage, configuration, ruleset, or an input that could not be read); 130 interrupted."};
  app.name("clausecheck");
  app.set_version_flag("--version", std::string("clausecheck ") + kVersion);
  app.require_subcommand(1);
  app.failure_message(CLI::FailureMessage::simple);

  std::string config_flag;
  bool no_config = false;
  app.add_option("--config", config_flag,
                 "Configuration file (default: $CLAUSECHECK_CONFIG, else the first "
                 ".clausecheck.yaml from the current directory upward)");
  app.add_flag("--no-config", no_config, "Read no configuration file");
  app.fallthrough();

  ReviewOptions review;
  CLI::App* review_cmd = AddReviewCommand(&app, &review);
  CheckOptions check;
  CLI::App* check_cmd = AddCheckCommand(&app, &check);

  CLI::App* config_cmd = app.add_subcommand("config", "Show the configuration");
  config_cmd->require_subcommand(1);
  CLI::App* config_show = config_cmd->add_subcommand(
      "show", "Print the effective configuration (the file found, and defaults for the rest)");

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

  const std::string config_file =
      no_config ? "" : FindConfigFile(config_flag, env.config_env, env.cwd);
  auto loaded = LoadConfig(config_file);
  if (!loaded.ok()) {
    PrintError(err, loaded.error().ToString());
    return kExitError;
  }
  const Config& config = loaded.value();

  if (*review_cmd) return RunReview(*review_cmd, review, config, env, out, err);
  if (*check_cmd) return RunCheck(*check_cmd, check, config, env, out, err);
  if (*config_show) {
    WriteConfig(config, out);
    return kExitOk;
  }
  if (*rules_list) return RunRulesList(rules_opts, config, out, err);
  if (*rules_validate) {
    rules_opts.files.insert(rules_opts.files.end(), validate_files.begin(), validate_files.end());
    return RunRulesValidate(rules_opts, config, out, err);
  }
  if (*rules_test) return RunRulesTest(rules_opts, config, out, err);
  if (*dump_cmd) {
    return RunDump(dump_path, dump_format, dump_facts, ToDateOrder(dump_date_order), dump_rulesets,
                   dump_xml_maps, config, out, err);
  }
  return kExitError;
}

}  // namespace clausecheck::cli
