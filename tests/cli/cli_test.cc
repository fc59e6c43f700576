// The command line end to end, in process: arguments in, output and exit code out.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/inputs.h"
#include "core/vocabulary.h"
#include "parsers/parse.h"

namespace clausecheck::cli {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome RunCli(std::vector<std::string> args, Environment env = {}) {
  args.insert(args.begin(), "clausecheck");
  std::ostringstream out, err;
  int code = Run(args, env, out, err);
  return {code, out.str(), err.str()};
}

// A scratch directory under the build tree, fresh for each test.
class Cli : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("clausecheck_cli_" + std::to_string(::getpid()) + "_" +
            std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  fs::path dir_;
};

constexpr const char* kCleanContract =
    "SERVICES AGREEMENT\n\n"
    "This Services Agreement is made on 1 March 2026 by and between Acme Corp., a Delaware "
    "corporation (\"Acme\"), and Beta LLC, a New York limited liability company (\"Beta\").\n\n"
    "1. Term. This Agreement shall commence on 1 March 2026 and remain in force for two (2) "
    "years.\n\n"
    "2. Fees. Beta shall pay the fees within thirty (30) days of invoice.\n\n"
    "3. Limitation of Liability. Each party's aggregate liability shall not exceed the fees "
    "paid in the twelve (12) months before the claim. Neither party shall be liable for "
    "indirect or consequential damages.\n\n"
    "4. Governing Law. This Agreement shall be governed by the laws of the State of New York.\n\n"
    "5. Jurisdiction. The courts of New York County shall have exclusive jurisdiction over any "
    "dispute.\n\n"
    "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written "
    "above.\n\n"
    "By: ____________\nName: Jane Doe\nTitle: Chief Executive Officer\n";

// The clean contract with its liability cap replaced by uncapped liability.
std::string Uncapped() {
  std::string s = kCleanContract;
  size_t begin = s.find("3. Limitation of Liability.");
  size_t end = s.find("4. Governing Law.");
  s.replace(begin, end - begin,
            "3. Liability. Beta shall be liable for all losses of Acme without limitation.\n\n");
  return s;
}

TEST_F(Cli, PrintsVersionAndHelp) {
  Outcome v = RunCli({"--version"});
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.out, "clausecheck 0.1.0\n");
  Outcome h = RunCli({"--help"});
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("review"), std::string::npos);
  EXPECT_NE(h.out.find("Exit codes"), std::string::npos);
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(RunCli({}).code, 2);
  EXPECT_EQ(RunCli({"review"}).code, 2);  // no path
  EXPECT_EQ(RunCli({"review", "--format", "xml", "a.txt"}).code, 2);
  EXPECT_EQ(RunCli({"frobnicate"}).code, 2);
  Outcome bad_gate = RunCli({"review", "--fail-on", "severe", "a.txt"});
  EXPECT_EQ(bad_gate.code, 2);
  EXPECT_EQ(bad_gate.err,
            "clausecheck: error: --fail-on must be info, low, medium, high, critical or never\n");
  Outcome bad_date = RunCli({"review", "--as-of", "2026-02-30", "a.txt"});
  EXPECT_EQ(bad_date.code, 2);
  EXPECT_EQ(bad_date.err,
            "clausecheck: error: --as-of must be a date as YYYY-MM-DD, not '2026-02-30'\n");
}

TEST_F(Cli, CleanContractPassesWithNoFindings) {
  std::string path = Write("clean.txt", kCleanContract);
  Outcome o = RunCli({"review", "--format", "json", path});
  ASSERT_EQ(o.code, 0) << o.err;
  auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["schema"], "clausecheck/report@1");
  EXPECT_EQ(j["verdict"], "pass") << j["findings"].dump(2);
  EXPECT_EQ(j["findings"].size(), 0u);
  EXPECT_EQ(j["document"]["language"], "en");
  EXPECT_EQ(j["document"]["path"], path);
}

// A definitions table (a "Term | Meaning" header) defines its first column:
// its terms are facts and are not reported as undefined; a capitalised term
// that nothing defines still is.
TEST_F(Cli, TermsDefinedInATableAreDefined) {
  std::string path = Write("licence.html", R"(<html><body>
<h1>SOFTWARE LICENCE AGREEMENT</h1>
<p>This Agreement is made between Alpha Systems Ltd ("Licensor") and Beta Retail Ltd ("Licensee").</p>
<h2>1. Definitions</h2>
<p>The licence fee (the "Fees") is set out in Schedule 3. The following terms have these meanings:</p>
<table>
<tr><td>Term</td><td>Meaning</td></tr>
<tr><td>Licensed Software</td><td>the software products listed in Schedule 1</td></tr>
<tr><td>Authorised Users</td><td>the employees of the Licensee who use the Licensed Software</td></tr>
</table>
<h2>2. Licence</h2>
<p>The Licensor grants a licence for the Authorised Users to use the Licensed Software.</p>
<p>The Licensee shall ensure that the Authorised Users use the Licensed Software only as the
Acceptance Criteria allow.</p>
<h2>3. Support</h2>
<p>The Licensor shall meet the Acceptance Criteria.</p>
</body></html>
)");
  Outcome o = RunCli({"review", "--format", "json", path});
  ASSERT_EQ(o.code, 0) << o.err;
  auto j = nlohmann::json::parse(o.out);
  std::vector<std::string> undefined, terms;
  for (const auto& f : j["findings"]) {
    if (f["rule"] == "drafting.undefined_term") undefined.push_back(f["evidence"]);
  }
  for (const auto& f : j["facts"]["defined_terms"]) terms.push_back(f["value"]);
  EXPECT_EQ(undefined, std::vector<std::string>{"Acceptance Criteria"}) << j["findings"].dump(2);
  EXPECT_EQ(terms, (std::vector<std::string>{"Licensor", "Licensee", "Fees", "Licensed Software",
                                             "Authorised Users"}));
}

TEST_F(Cli, GateFailsOnlyAtOrAboveFailOn) {
  std::string path = Write("uncapped.txt", Uncapped());
  Outcome json = RunCli({"review", "--format", "json", path});
  ASSERT_EQ(json.code, 0) << json.err;  // no gate by default
  auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j["findings"].size(), 1u) << j["findings"].dump(2);
  EXPECT_EQ(j["findings"][0]["rule"], "liability.uncapped");
  EXPECT_EQ(j["findings"][0]["evidence"], "liable for all losses of Acme without limitation");
  EXPECT_EQ(j["verdict"], "block");
  EXPECT_EQ(j["risk_score"], 30);
  EXPECT_EQ(RunCli({"review", "--fail-on", "high", path}).code, 1);
  EXPECT_EQ(RunCli({"review", "--fail-on", "medium", path}).code, 1);
  EXPECT_EQ(RunCli({"review", "--fail-on", "critical", path}).code, 0);
}

TEST_F(Cli, BatchReportsEveryInputAndErrorsOutrankFindings) {
  std::string good = Write("batch/a-uncapped.txt", Uncapped());
  Write("batch/b-junk.txt", std::string("\x00\x01\x02\x03\xff\xfe\x00\x00garbage", 16));
  Write("batch/c-clean.txt", kCleanContract);
  Write("batch/.hidden.txt", "ignored");
  Write("batch/a-uncapped.txt.json", "{\"schema\": \"clausecheck/report@1\"}");  // a report
  Write("batch/~$lock.txt", "ignored");
  std::string missing = (dir_ / "nope.txt").string();
  Outcome o = RunCli(
      {"review", "--format", "jsonl", "--fail-on", "high", (dir_ / "batch").string(), missing});
  EXPECT_EQ(o.code, 2);  // an error outranks the failed gate
  std::vector<nlohmann::json> lines;
  std::istringstream in(o.out);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["document"]["path"], good);
  EXPECT_EQ(lines[0]["verdict"], "block");
  EXPECT_EQ(lines[1]["error"]["code"], "format");
  EXPECT_EQ(lines[2]["verdict"], "pass");
  EXPECT_EQ(lines[3]["document"]["path"], missing);
  EXPECT_EQ(lines[3]["error"]["code"], "io");
  // One line per failed input on stderr, each naming the file.
  std::istringstream errs(o.err);
  std::vector<std::string> err_lines;
  for (std::string line; std::getline(errs, line);) err_lines.push_back(line);
  ASSERT_EQ(err_lines.size(), 2u) << o.err;
  EXPECT_EQ(
      err_lines[0].rfind("clausecheck: error: " + (dir_ / "batch/b-junk.txt").string() + ": ", 0),
      0u);
  EXPECT_EQ(err_lines[1].rfind("clausecheck: error: " + missing + ": ", 0), 0u);
}

TEST_F(Cli, EmptyDirectoryIsAnError) {
  fs::create_directories(dir_ / "empty");
  Outcome o = RunCli({"review", (dir_ / "empty").string()});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err, "clausecheck: error: " + (dir_ / "empty").string() +
                       ": no documents found in directory\n");
}

TEST_F(Cli, OutputDirMirrorsInputsWithOneReportEach) {
  std::string a = Write("in/a.txt", kCleanContract);
  std::string b = Write("in/sub/b.txt", Uncapped());
  std::string out_dir = (dir_ / "out").string();
  Outcome o = RunCli({"review", "--output-dir", out_dir, (dir_ / "in").string()});
  ASSERT_EQ(o.code, 0) << o.err;
  auto ja = nlohmann::json::parse(
      std::ifstream(fs::path(out_dir) / fs::path(a).relative_path().concat(".json")));
  auto jb = nlohmann::json::parse(
      std::ifstream(fs::path(out_dir) / fs::path(b).relative_path().concat(".json")));
  EXPECT_EQ(ja["verdict"], "pass");
  EXPECT_EQ(jb["verdict"], "block");
  // The console summary went to stdout, with the batch totals line.
  EXPECT_NE(o.out.find("2 documents"), std::string::npos) << o.out;
}

// Comment marks by clausecheck in a DOCX, read back with our own parser:
// "block start end date".
std::vector<std::string> ClausecheckComments(const std::string& docx) {
  std::vector<std::string> out;
  auto doc = parsers::ParseFile(docx, parsers::Limits{});
  EXPECT_TRUE(doc.ok()) << docx;
  if (!doc.ok()) return out;
  for (const Block& b : doc.value().blocks) {
    for (const Mark& m : b.marks) {
      if (m.kind == MarkKind::kComment && m.author == "clausecheck") {
        out.push_back(std::to_string(b.source.index) + " " + std::to_string(m.start) + " " +
                      std::to_string(m.end) + " " + m.date);
      }
    }
  }
  return out;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_F(Cli, DocxOutputWritesTheContractWithACommentPerFinding) {
  const fs::path src =
      fs::path(CLAUSECHECK_SOURCE_DIR) / "corpus" / "contracts" / "en-saas-subscription.docx";
  fs::create_directories(dir_ / "in");
  const std::string in = (dir_ / "in" / "saas.docx").string();
  fs::copy_file(src, in);
  const std::string out = (dir_ / "out" / "saas.annotated.docx").string();
  Outcome o =
      RunCli({"review", "--format", "json", "--as-of", "2026-03-01", "--docx-output", out, in});
  ASSERT_EQ(o.code, 0) << o.err;
  auto report = nlohmann::json::parse(o.out);
  ASSERT_GE(report["findings"].size(), 3u);
  std::vector<std::string> want;
  for (const auto& f : report["findings"]) {
    const auto& loc = f["location"];
    if (loc.is_null()) {
      // A missing clause: on the first paragraph, the title.
      want.push_back("0 0 44 2026-03-01T00:00:00Z");
    } else {
      want.push_back(std::to_string(loc["block"].get<int>()) + " " +
                     std::to_string(loc["start"].get<int>()) + " " +
                     std::to_string(loc["end"].get<int>()) + " 2026-03-01T00:00:00Z");
    }
  }
  std::vector<std::string> got = ClausecheckComments(out);
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, want);
  EXPECT_FALSE(fs::exists(out + ".tmp"));
  // The same run again writes the same bytes.
  const std::string first = ReadAll(out);
  ASSERT_EQ(RunCli({"review", "--as-of", "2026-03-01", "--docx-output", out, in}).code, 0);
  EXPECT_EQ(ReadAll(out), first);
}

TEST_F(Cli, OutputDirWritesAnAnnotatedCopyOfEachDocx) {
  const fs::path corpus = fs::path(CLAUSECHECK_SOURCE_DIR) / "corpus" / "contracts";
  fs::create_directories(dir_ / "in");
  fs::copy_file(corpus / "zh-fangwu-zulin.docx", dir_ / "in" / "lease.docx");
  fs::copy_file(corpus / "en-consulting.docx", dir_ / "in" / "consulting.DOCM");
  Write("in/notes.txt", kCleanContract);
  const std::string out_dir = (dir_ / "out").string();
  Outcome o = RunCli({"review", "--output-dir", out_dir, (dir_ / "in").string()});
  ASSERT_EQ(o.code, 0) << o.err;
  const fs::path mirror = fs::path(out_dir) / (dir_ / "in").relative_path();
  // One comment per finding of the JSON report beside it.
  auto findings = [&](const std::string& name) {
    return nlohmann::json::parse(std::ifstream(mirror / (name + ".json")))["findings"].size();
  };
  EXPECT_EQ(ClausecheckComments((mirror / "lease.docx.annotated.docx").string()).size(),
            findings("lease.docx"));
  // A macro-enabled name keeps its kind, so that Word opens it.
  EXPECT_EQ(ClausecheckComments((mirror / "consulting.DOCM.annotated.docm").string()).size(),
            findings("consulting.DOCM"));
  EXPECT_GE(findings("lease.docx") + findings("consulting.DOCM"), 2u);
  EXPECT_TRUE(fs::exists(mirror / "notes.txt.json"));
  EXPECT_FALSE(fs::exists(mirror / "notes.txt.annotated.docx"));
}

TEST_F(Cli, DocxOutputNeedsOneDocxInput) {
  const std::string a = Write("a.txt", kCleanContract);
  const std::string b = Write("b.txt", kCleanContract);
  const std::string out = (dir_ / "x.docx").string();
  Outcome two = RunCli({"review", "--docx-output", out, a, b});
  EXPECT_EQ(two.code, 2);
  EXPECT_EQ(two.err,
            "clausecheck: error: --docx-output takes exactly one input file (use --output-dir "
            "for several)\n");
  const fs::path src =
      fs::path(CLAUSECHECK_SOURCE_DIR) / "corpus" / "contracts" / "en-consulting.docx";
  const std::string docx = (dir_ / "c.docx").string();
  fs::copy_file(src, docx);
  Outcome over = RunCli({"review", "--docx-output", docx, docx});
  EXPECT_EQ(over.code, 2);
  EXPECT_EQ(over.err,
            "clausecheck: error: " + docx + ": will not write the annotated copy over the input\n");
  EXPECT_EQ(ReadAll(docx), ReadAll(src));
  Outcome text = RunCli({"review", "--docx-output", out, a});
  EXPECT_EQ(text.code, 2);
  EXPECT_EQ(text.err,
            "clausecheck: error: " + a + ": --docx-output needs a DOCX input, not text\n");
  EXPECT_FALSE(fs::exists(out));
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST_F(Cli, HtmlReportGoesToStdoutToAFileAndBesideTheJson) {
  const std::string in = Write("in/u.txt", Uncapped());
  Write("in/clean.txt", kCleanContract);
  Outcome json = RunCli({"review", "--format", "json", in});
  ASSERT_EQ(json.code, 0) << json.err;
  const size_t findings = nlohmann::json::parse(json.out)["findings"].size();
  ASSERT_GE(findings, 1u);

  Outcome page = RunCli({"review", "--format", "html", in});
  ASSERT_EQ(page.code, 0) << page.err;
  EXPECT_EQ(page.out.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_EQ(Count(page.out, "<article class=\"finding "), static_cast<int>(findings));
  EXPECT_NE(page.out.find("data-f=\"f"), std::string::npos);  // evidence highlighted
  EXPECT_NE(page.out.find("<h1>" + in + "</h1>"), std::string::npos);

  // --html-output: the same page, whatever goes to stdout.
  const std::string file = (dir_ / "out" / "u.html").string();
  Outcome both = RunCli({"review", "--format", "json", "--html-output", file, in});
  ASSERT_EQ(both.code, 0) << both.err;
  EXPECT_EQ(both.out, json.out);
  EXPECT_EQ(ReadAll(file), page.out);

  // --output-dir: DIR/<input>.html beside DIR/<input>.json for each input.
  const std::string out_dir = (dir_ / "reports").string();
  ASSERT_EQ(RunCli({"review", "--output-dir", out_dir, (dir_ / "in").string()}).code, 0);
  const fs::path mirror = fs::path(out_dir) / (dir_ / "in").relative_path();
  EXPECT_EQ(ReadAll(mirror / "u.txt.html"), page.out);
  EXPECT_NE(ReadAll(mirror / "clean.txt.html").find("<p class=\"none\">No findings.</p>"),
            std::string::npos);
  EXPECT_TRUE(fs::exists(mirror / "clean.txt.json"));

  // The configuration's output.format may be html.
  const std::string config = Write("c.yaml", "output:\n  format: html\n");
  EXPECT_EQ(RunCli({"review", "--config", config, in}).out, page.out);
}

TEST_F(Cli, HtmlReportNeedsOneInputAndNeverOverwritesIt) {
  const std::string a = Write("a.txt", kCleanContract);
  const std::string b = Write("b.txt", kCleanContract);
  Outcome format = RunCli({"review", "--format", "html", a, b});
  EXPECT_EQ(format.code, 2);
  EXPECT_EQ(format.out, "");
  EXPECT_EQ(format.err,
            "clausecheck: error: --format html takes exactly one input file (use --output-dir "
            "for several)\n");
  const std::string out = (dir_ / "x.html").string();
  Outcome file = RunCli({"review", "--html-output", out, a, b});
  EXPECT_EQ(file.code, 2);
  EXPECT_EQ(file.err,
            "clausecheck: error: --html-output takes exactly one input file (use --output-dir "
            "for several)\n");
  EXPECT_FALSE(fs::exists(out));
  // An HTML contract is an input like any other: its report never replaces it.
  const std::string html = Write(
      "contract.html", "<html><body><p>" + std::string(kCleanContract) + "</p></body></html>");
  const std::string before = ReadAll(html);
  Outcome over = RunCli({"review", "--html-output", html, html});
  EXPECT_EQ(over.code, 2);
  EXPECT_EQ(over.err,
            "clausecheck: error: " + html + ": will not write the HTML report over the input\n");
  EXPECT_EQ(ReadAll(html), before);
  // An unreadable input: an error page, the error on stderr, exit 2.
  Outcome missing = RunCli({"review", "--format", "html", (dir_ / "none.txt").string()});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("Not reviewed: io: "), std::string::npos) << missing.out;
}

TEST_F(Cli, InvalidRulesetNamesFileLineAndRule) {
  std::string rules = Write("bad.yaml",
                            "rules:\n"
                            "  - id: my.rule\n"
                            "    category: liability\n"
                            "    kind: risky\n"
                            "    severity: high\n"
                            "    match: '(unclosed'\n"
                            "    message: m\n"
                            "    recommendation: r\n"
                            "    examples: {match: [a], no_match: [b]}\n");
  std::string contract = Write("c.txt", kCleanContract);
  Outcome o = RunCli({"review", "--ruleset", rules, contract});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err, "clausecheck: error: " + rules +
                       ":6: my.rule: invalid regular expression in 'match': missing ): "
                       "(unclosed\n");
  EXPECT_EQ(o.out, "");
  Outcome v = RunCli({"rules", "validate", rules});
  EXPECT_EQ(v.code, 2);
  EXPECT_EQ(v.err, o.err);
}

TEST_F(Cli, UserRulesetAddsRulesAndRulesTestRunsTheirExamples) {
  std::string rules = Write("mine.yaml",
                            "rules:\n"
                            "  - id: payment.long_terms\n"
                            "    category: payment\n"
                            "    kind: risky\n"
                            "    severity: medium\n"
                            "    lang: en\n"
                            "    match: '(?i)within (?:ninety|120|180) \\(?\\d*\\)? ?days'\n"
                            "    message: Payment terms are long.\n"
                            "    recommendation: Ask for 30 days.\n"
                            "    examples:\n"
                            "      match:\n"
                            "        - text: 'Invoices are payable within ninety (90) days.'\n"
                            "          evidence: 'within ninety (90) days'\n"
                            "      no_match: ['Invoices are payable within thirty (30) days.']\n");
  Outcome t = RunCli({"rules", "test", "--ruleset", rules});
  EXPECT_EQ(t.code, 0) << t.out;
  EXPECT_NE(t.out.find(" passed, 0 failed\n"), std::string::npos) << t.out;
  Outcome list = RunCli({"rules", "list", "--ruleset", rules});
  EXPECT_NE(
      list.out.find("payment.long_terms\ten\trisky\tmedium\tpayment\tPayment terms are long."),
      std::string::npos);

  // A broken example is reported with its file and line, and fails the command.
  std::string broken = Write("broken.yaml", [] {
    std::string s =
        "rules:\n"
        "  - id: x.y\n"
        "    category: general\n"
        "    kind: risky\n"
        "    severity: low\n"
        "    match: 'foo'\n"
        "    message: m\n"
        "    recommendation: r\n"
        "    examples:\n"
        "      match: ['bar']\n"
        "      no_match: ['baz']\n";
    return s;
  }());
  Outcome b = RunCli({"rules", "test", "--no-default-ruleset", "--ruleset", broken});
  EXPECT_EQ(b.code, 1);
  EXPECT_NE(b.out.find(broken + ":10: x.y: match example gave no finding: \"bar\""),
            std::string::npos)
      << b.out;
  EXPECT_NE(b.out.find("1 passed, 1 failed\n"), std::string::npos) << b.out;
}

TEST_F(Cli, DefaultRulesetExamplesAllPass) {
  Outcome t = RunCli({"rules", "test"});
  EXPECT_EQ(t.code, 0) << t.out;
  EXPECT_NE(t.out.find(" passed, 0 failed\n"), std::string::npos) << t.out;
}

TEST_F(Cli, DumpShowsBlocksAndClauseTree) {
  std::string path = Write("d.txt", kCleanContract);
  Outcome text = RunCli({"dump", path});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("\n1. Term. This Agreement shall commence"), std::string::npos);
  Outcome json = RunCli({"dump", "--format", "json", path});
  ASSERT_EQ(json.code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["format"], "text");
  EXPECT_EQ(j["encoding"], "UTF-8");
  ASSERT_GE(j["blocks"].size(), 8u);
  EXPECT_EQ(j["blocks"][0]["source"]["line"], 1);
  bool found_law = false;
  for (const auto& c : j["clauses"]) {
    if (c["number"] == "4") {
      found_law = true;
      EXPECT_EQ(c["heading"], "Governing Law");
      EXPECT_EQ(c["tags"], nlohmann::json::array({"governing_law"}));
    }
  }
  EXPECT_TRUE(found_law) << j["clauses"].dump(1);
  Outcome dir = RunCli({"dump", dir_.string()});
  EXPECT_EQ(dir.code, 2);
  EXPECT_EQ(dir.err, "clausecheck: error: " + dir_.string() + ": is a directory\n");
}

TEST_F(Cli, DumpFactsPrintsTheFactsObject) {
  std::string path = Write("f.txt", kCleanContract);
  Outcome o = RunCli({"dump", "--facts", path});
  ASSERT_EQ(o.code, 0) << o.err;
  auto j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["dates"].size(), 4u) << o.out;
  EXPECT_EQ(j["dates"][0]["value"], "2026-03-01");
  EXPECT_EQ(j["dates"][0]["role"], "signing");
  EXPECT_EQ(j["dates"][1]["role"], "start");
  // "remain in force for two (2) years": the term ends two years after it starts.
  EXPECT_EQ(j["dates"][2]["role"], "end");
  EXPECT_EQ(j["dates"][2]["value"], "2028-03-01");
  // "within thirty (30) days of invoice": counted from an undated invoice.
  EXPECT_TRUE(j["dates"][3]["value"].is_null());
  EXPECT_EQ(j["dates"][3]["relative"]["anchor"], "invoice");
  EXPECT_EQ(j["dates"][3]["relative"]["offset"], 30);
  ASSERT_EQ(j["durations"].size(), 3u) << o.out;
  EXPECT_EQ(j["durations"][0]["value"], 2);
  EXPECT_EQ(j["durations"][0]["unit"], "year");
  ASSERT_EQ(j["parties"].size(), 2u) << o.out;
  EXPECT_EQ(j["parties"][0]["value"], "Acme Corp.");
  EXPECT_EQ(j["parties"][1]["short"], "Beta");
  ASSERT_EQ(j["governing_law"].size(), 1u);
  EXPECT_EQ(j["governing_law"][0]["value"], "New York");
  ASSERT_EQ(j["forums"].size(), 1u);
  EXPECT_EQ(j["forums"][0]["value"], "courts of New York County");
}

TEST_F(Cli, DateOrderReadsNumericDates) {
  std::string path = Write("d.txt", "This Agreement is dated 01/02/2026.\n");
  auto date = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"dump", "--facts", path};
    args.insert(args.end(), extra.begin(), extra.end());
    Outcome o = RunCli(args);
    EXPECT_EQ(o.code, 0) << o.err;
    return nlohmann::json::parse(o.out)["dates"][0];
  };
  EXPECT_EQ(date({})["value"], "2026-01-02");
  EXPECT_EQ(date({})["ambiguous"], true);
  EXPECT_EQ(date({"--date-order", "dmy"})["value"], "2026-02-01");
  EXPECT_EQ(date({"--date-order", "dmy"})["ambiguous"], false);
  EXPECT_EQ(date({"--date-order", "mdy"})["value"], "2026-01-02");
  Outcome bad = RunCli({"review", path, "--date-order", "ymd"});
  EXPECT_EQ(bad.code, 2);
  Outcome review = RunCli({"review", path, "--format", "json", "--date-order", "dmy"});
  EXPECT_EQ(nlohmann::json::parse(review.out)["facts"]["dates"][0]["value"], "2026-02-01");
}

TEST_F(Cli, BaselineWaiversAndStanceDecideWhatCounts) {
  std::string path = Write("u.txt", Uncapped());
  Outcome first = RunCli({"review", path, "--format", "json", "--fail-on", "high"});
  ASSERT_EQ(first.code, 1) << first.err;
  auto report = nlohmann::json::parse(first.out);
  std::string fp;
  for (const auto& f : report["findings"]) {
    if (f["rule"] == "liability.uncapped") fp = f["fingerprint"];
  }
  ASSERT_EQ(fp.size(), 16u);
  // The same contract against its own report: nothing new, the gate passes.
  std::string baseline = Write("old.json", first.out);
  Outcome again =
      RunCli({"review", path, "--format", "json", "--fail-on", "high", "--baseline", baseline});
  EXPECT_EQ(again.code, 0) << again.out;
  auto j = nlohmann::json::parse(again.out);
  EXPECT_EQ(j["findings"][0]["suppressed"]["source"], "baseline");
  EXPECT_EQ(j["verdict"], "pass");
  // A waivers file for that one finding.
  std::string waivers =
      Write("w.yaml", "waivers:\n  - rule: liability.uncapped\n    fingerprint: " + fp +
                          "\n    reason: accepted\n");
  Outcome waived =
      RunCli({"review", path, "--format", "json", "--fail-on", "high", "--waivers", waivers});
  EXPECT_EQ(waived.code, 0) << waived.out;
  // Reviewing for the side that does not bear the liability (Acme, the first
  // party named): Beta's uncapped liability is information; for Beta, high.
  // The contract names no customer or vendor, so those stances cannot apply.
  for (const auto& [stance, severity] :
       {std::pair<std::string, std::string>{"party-a", "info"}, {"party-b", "high"}}) {
    Outcome o = RunCli({"review", path, "--format", "json", "--stance", stance});
    // The parsed report must outlive the loop below.
    const auto stance_report = nlohmann::json::parse(o.out);
    int seen = 0;
    for (const auto& f : stance_report["findings"]) {
      if (f["rule"] != "liability.uncapped") continue;
      ++seen;
      EXPECT_EQ(f["affects"], "party-b") << stance;
      EXPECT_EQ(f["severity"], severity) << stance;
    }
    EXPECT_EQ(seen, 1) << stance;
  }
  EXPECT_EQ(RunCli({"review", path, "--waivers", Write("bad.yaml", "waivers: [{rule: x}]\n")}).code,
            2);
  EXPECT_EQ(RunCli({"review", path, "--stance", "甲方"}).code, 2);
}

TEST_F(Cli, ConfigParametersStanceAndDateOrderReachTheReview) {
  std::string contract =
      Write("lease.txt",
            "房屋租赁合同\n\n甲方：上海某某置业有限公司\n乙方：北京某某贸易有限公司\n\n"
            "第一条 租金\n年租金为人民币100,000元。乙方支付定金人民币25,000元。\n\n"
            "第二条 签订\n签订日期：01/02/2026\n");
  auto rules = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"review", "--format", "json", contract};
    args.insert(args.end(), extra.begin(), extra.end());
    auto j = nlohmann::json::parse(RunCli(args).out);
    std::vector<std::string> ids;
    for (const auto& f : j["findings"]) ids.push_back(f["rule"]);
    return std::make_pair(ids, j);
  };
  auto has = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  EXPECT_TRUE(has(rules({"--no-config"}).first, "zh.payment.deposit_over_cap"));  // 25% > 20%
  std::string cfg = Write("lease.yaml", "parameters: {deposit_cap_percent: 30}\ndate_order: mdy\n");
  auto [ids, report] = rules({"--config", cfg});
  EXPECT_FALSE(has(ids, "zh.payment.deposit_over_cap"));
  EXPECT_EQ(report["facts"]["dates"][0]["value"], "2026-01-02");  // mdy from the config
  EXPECT_EQ(rules({"--config", cfg, "--date-order", "dmy"}).second["facts"]["dates"][0]["value"],
            "2026-02-01");  // the flag wins
  // The language as stated: English rules only, so no Chinese deposit rule.
  auto [english, as_en] = rules({"--no-config", "--language", "en"});
  EXPECT_EQ(as_en["document"]["language"], "en");
  EXPECT_FALSE(has(english, "zh.payment.deposit_over_cap"));
}

TEST_F(Cli, ColourOnlyOnATerminalWithoutNoColor) {
  std::string path = Write("u.txt", Uncapped());
  Environment tty;
  tty.stdout_is_terminal = true;
  Environment tty_no_color = tty;
  tty_no_color.no_color = true;
  EXPECT_NE(RunCli({"review", path}, tty).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(RunCli({"review", path}, tty_no_color).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(RunCli({"review", path}).out.find("\x1b["), std::string::npos);
  EXPECT_NE(RunCli({"review", "--color", "always", path}).out.find("\x1b["), std::string::npos);
}

TEST_F(Cli, XmlMapFilesChooseTheirSchema) {
  const std::string xml = "tests/parsers/fixtures/xml/clm-export.xml";
  const std::string map = "tests/parsers/fixtures/xml/clm-export.yaml";
  // Without the mapping, generic extraction also reads the audit trail.
  Outcome plain = RunCli({"dump", xml});
  ASSERT_EQ(plain.code, 0) << plain.err;
  EXPECT_NE(plain.out.find("Exported by CLM"), std::string::npos) << plain.out;
  // With it, clauses come out as the mapping says and ignored parts are gone.
  const std::string expected =
      "1 Term\nThis Agreement starts on 1 March 2026.\nIt runs for 24 months.\n"
      "2 Either party may terminate on notice.\n";
  Outcome mapped = RunCli({"dump", "--xml-map", map, xml});
  ASSERT_EQ(mapped.code, 0) << mapped.err;
  EXPECT_EQ(mapped.out, expected);
  fs::create_directories(dir_ / "maps");
  fs::copy_file(map, dir_ / "maps" / "clm.yaml");
  Outcome by_dir = RunCli({"dump", "--xml-map-dir", (dir_ / "maps").string(), xml});
  EXPECT_EQ(by_dir.out, expected);
  // A broken mapping is a configuration error naming file and line.
  std::string bad = Write("bad-map.yaml", "name: x\nroot: a\nclause: '//['\ntext: p\n");
  Outcome b = RunCli({"review", "--xml-map", bad, xml});
  EXPECT_EQ(b.code, 2);
  EXPECT_EQ(b.err.rfind("clausecheck: error: " + bad + ":3: invalid XPath in 'clause'", 0), 0u)
      << b.err;
}

// Every bad input in corpus/malformed/ gives exactly its expected one-line
// error and exit code 2 (corpus/malformed/EXPECTED.tsv).
TEST_F(Cli, MalformedInputsGiveTheirExpectedErrors) {
  std::ifstream tsv("corpus/malformed/EXPECTED.tsv");
  ASSERT_TRUE(tsv) << "corpus/malformed/EXPECTED.tsv missing";
  int checked = 0;
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty() || line[0] == '#' || line.rfind("file\t", 0) == 0) continue;
    std::istringstream fields(line);
    std::string file, code, message;
    std::getline(fields, file, '\t');
    std::getline(fields, code, '\t');
    std::getline(fields, message);
    const std::string path = "corpus/malformed/" + file;
    Outcome o = RunCli({"review", "--format", "jsonl", path});
    EXPECT_EQ(o.code, 2) << path;
    EXPECT_EQ(o.err, "clausecheck: error: " + path + ": " + message + "\n") << path;
    auto j = nlohmann::json::parse(o.out);
    EXPECT_EQ(j["error"]["code"], code) << path;
    EXPECT_EQ(j["error"]["message"], message) << path;
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

// ------------------------------------------------------------- batch --

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST_F(Cli, JobsDoNotChangeTheOutput) {
  for (int i = 0; i < 24; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "many/%02d.txt", i);
    Write(name, i % 3 == 0 ? Uncapped() : kCleanContract);
  }
  Write("many/07.txt", "");  // empty: an error record in its place
  const std::string dir = (dir_ / "many").string();
  Outcome one = RunCli({"review", "-j", "1", "--format", "jsonl", dir});
  Outcome four = RunCli({"review", "-j", "4", "--format", "jsonl", dir});
  EXPECT_EQ(one.code, 2);
  EXPECT_EQ(four.code, 2);
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.err, four.err);
  auto lines = JsonLines(four.out);
  ASSERT_EQ(lines.size(), 24u);
  for (int i = 0; i < 24; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%02d.txt", i);
    EXPECT_EQ(lines[i]["document"]["path"], (dir_ / "many" / name).string());
  }
  EXPECT_EQ(lines[7]["error"]["code"], "empty");
  EXPECT_EQ(lines[3]["verdict"], "block");
  // The console output, too, is the same whatever the number of threads.
  EXPECT_EQ(RunCli({"review", "-j", "1", dir}).out, RunCli({"review", "-j", "3", dir}).out);
}

TEST_F(Cli, JsonFormatStreamsAnArrayOfTheSingleReports) {
  std::string a = Write("j/a.txt", kCleanContract);
  std::string b = Write("j/b.txt", Uncapped());
  Outcome both = RunCli({"review", "--format", "json", (dir_ / "j").string()});
  ASSERT_EQ(both.code, 0) << both.err;
  auto arr = nlohmann::json::parse(both.out);
  ASSERT_TRUE(arr.is_array());
  ASSERT_EQ(arr.size(), 2u);
  EXPECT_EQ(arr[0], nlohmann::json::parse(RunCli({"review", "--format", "json", a}).out));
  EXPECT_EQ(arr[1], nlohmann::json::parse(RunCli({"review", "--format", "json", b}).out));
  // Byte for byte what the whole array pretty-printed at once would be.
  EXPECT_EQ(both.out, nlohmann::ordered_json::parse(both.out).dump(2) + "\n");
}

TEST_F(Cli, DirectoryWalkHonoursGlobsAndSkipsLocksHiddenAndLoops) {
  Write("w/a.txt", kCleanContract);
  Write("w/b.md", kCleanContract);
  Write("w/~$a.txt", "lock");
  Write("w/.git/x.txt", "hidden");
  Write("w/drafts/c.txt", kCleanContract);
  Write("w/old/d.txt", kCleanContract);
  fs::create_directory_symlink(dir_ / "w", dir_ / "w" / "drafts" / "loop");
  const std::string w = (dir_ / "w").string();
  auto paths = [](const Outcome& o) {
    std::vector<std::string> out;
    for (const auto& j : JsonLines(o.out)) out.push_back(j["document"]["path"]);
    return out;
  };
  Outcome all = RunCli({"review", "--format", "jsonl", w});
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_EQ(paths(all), (std::vector<std::string>{w + "/a.txt", w + "/b.md", w + "/drafts/c.txt",
                                                  w + "/old/d.txt"}));
  Outcome txt =
      RunCli({"review", "--format", "jsonl", "--include", "*.txt", "--exclude", "old", w});
  EXPECT_EQ(paths(txt), (std::vector<std::string>{w + "/a.txt", w + "/drafts/c.txt"}));
  Outcome rel = RunCli({"review", "--format", "jsonl", "--exclude", "drafts/*", w});
  EXPECT_EQ(paths(rel), (std::vector<std::string>{w + "/a.txt", w + "/b.md", w + "/old/d.txt"}));
}

TEST_F(Cli, PathListsFromStdinAndFiles) {
  std::string a = Write("l/a.txt", kCleanContract);
  std::string b = Write("l/b.txt", Uncapped());
  std::string list = Write("list.txt", b + "\r\n\n" + a + "\n");
  std::istringstream in(a + "\n" + (dir_ / "missing.txt").string() + "\n");
  Environment env;
  env.in = &in;
  Outcome from_stdin = RunCli({"review", "--format", "jsonl", "-"}, env);
  EXPECT_EQ(from_stdin.code, 2);
  auto lines = JsonLines(from_stdin.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["document"]["path"], a);
  EXPECT_EQ(lines[1]["error"]["code"], "io");
  Outcome from_file = RunCli({"review", "--format", "jsonl", "--files-from", list});
  ASSERT_EQ(from_file.code, 0) << from_file.err;
  lines = JsonLines(from_file.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["document"]["path"], b);
  EXPECT_EQ(lines[1]["document"]["path"], a);
  Outcome none = RunCli({"review", "--files-from", (dir_ / "nolist").string()});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.err,
            "clausecheck: error: " + (dir_ / "nolist").string() + ": cannot read list of paths\n");
}

TEST_F(Cli, MaxFileSizeRefusesLargerInputsAndTheBatchGoesOn) {
  std::string big = Write("s/big.txt", kCleanContract);
  std::string small = Write("s/small.txt", "1. Term. One year.\n");
  Outcome o = RunCli({"review", "--format", "jsonl", "--max-file-size", "200", big, small});
  EXPECT_EQ(o.code, 2);
  auto lines = JsonLines(o.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["error"]["code"], "too_large");
  EXPECT_EQ(lines[1]["document"]["path"], small);
  EXPECT_EQ(RunCli({"review", "--max-file-size", "12X", small}).err,
            "clausecheck: error: --max-file-size must be a positive size such as 1000, 512K, 20M "
            "or 1G, not '12X'\n");
}

TEST_F(Cli, ShardsPartitionTheInputsAndSortBackIntoTheWhole) {
  for (int i = 0; i < 30; ++i) Write("sh/" + std::to_string(i) + ".txt", kCleanContract);
  const std::string dir = (dir_ / "sh").string();
  Outcome whole = RunCli({"review", "--format", "jsonl", dir});
  ASSERT_EQ(whole.code, 0) << whole.err;
  std::vector<nlohmann::json> merged;
  for (const char* shard : {"1/3", "2/3", "3/3"}) {
    Outcome part = RunCli({"review", "--format", "jsonl", "--shard", shard, dir});
    ASSERT_EQ(part.code, 0) << part.err;
    auto lines = JsonLines(part.out);
    // Every shard gets some of the 30 inputs. Which ones depends on the
    // temporary directory's name (the hash is of the whole path), so no
    // count is certain: some shard got 3 or fewer in about one run in 100,
    // one gets none in about one in 64,000 (3 x (2/3)^30).
    EXPECT_GE(lines.size(), 1u) << shard;
    merged.insert(merged.end(), lines.begin(), lines.end());
  }
  std::stable_sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) {
    return a["document"]["path"] < b["document"]["path"];
  });
  EXPECT_EQ(merged, JsonLines(whole.out));
  EXPECT_EQ(RunCli({"review", "--shard", "4/3", dir}).code, 2);
  EXPECT_EQ(RunCli({"review", "--shard", "0/3", dir}).code, 2);
  EXPECT_EQ(RunCli({"review", "--shard", "1/3x", dir}).code, 2);
}

TEST_F(Cli, ChangedSinceSkipsInputsWhoseReportIsCurrent) {
  std::string a = Write("c/a.txt", kCleanContract);
  std::string b = Write("c/b.txt", kCleanContract);
  Write("c/broken.txt", "");
  const std::string reports = (dir_ / "reports").string();
  const std::string in = (dir_ / "c").string();
  Outcome first = RunCli({"review", "--format", "jsonl", "--output-dir", reports, in});
  EXPECT_EQ(first.code, 2);
  EXPECT_EQ(JsonLines(first.out).size(), 3u);
  Write("c/b.txt", Uncapped());
  Outcome second = RunCli({"review", "--format", "jsonl", "--summary-line", "--output-dir", reports,
                           "--changed-since", reports, in});
  EXPECT_EQ(second.code, 2);  // the broken file is tried again
  auto lines = JsonLines(second.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["document"]["path"], b);
  EXPECT_EQ(lines[0]["verdict"], "block");
  EXPECT_EQ(lines[1]["error"]["code"], "empty");
  EXPECT_NE(second.err.find(", 1 unchanged (skipped)"), std::string::npos) << second.err;
  // The report of b was rewritten: a third run skips both good files.
  Outcome third = RunCli({"review", "--format", "jsonl", "--changed-since", reports, a, b});
  EXPECT_EQ(third.code, 0);
  EXPECT_EQ(third.out, "");
}

// A stream that raises the interrupt flag once it has seen `after` lines, as
// a Ctrl-C in the middle of a batch would.
class InterruptingBuf : public std::stringbuf {
 public:
  InterruptingBuf(std::atomic<bool>* flag, int after) : flag_(flag), after_(after) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) {
      if (s[i] == '\n' && --after_ == 0) flag_->store(true);
    }
    return std::stringbuf::xsputn(s, n);
  }

 private:
  std::atomic<bool>* flag_;
  int after_;
};

TEST_F(Cli, InterruptStopsCleanlyWithCompleteReportsAndExit130) {
  for (int i = 0; i < 40; ++i) Write("i/" + std::to_string(100 + i) + ".txt", kCleanContract);
  const std::string reports = (dir_ / "reports").string();
  std::atomic<bool> flag{false};
  InterruptingBuf buf(&flag, 5);
  std::ostream out(&buf);
  std::ostringstream err;
  Environment env;
  env.interrupted = &flag;
  int code = cli::Run({"clausecheck", "review", "-j", "2", "--format", "jsonl", "--output-dir",
                       reports, (dir_ / "i").string()},
                      env, out, err);
  EXPECT_EQ(code, 130);
  auto lines = JsonLines(buf.str());  // every line a whole report
  EXPECT_GE(lines.size(), 5u);
  EXPECT_LT(lines.size(), 40u);
  EXPECT_NE(err.str().find("; interrupted"), std::string::npos) << err.str();
  // Every report file is complete JSON or a complete HTML page, the pair of
  // each input written together; no temporary file is left.
  size_t files = 0;
  size_t reports_json = 0;
  size_t pages = 0;
  for (const auto& e : fs::recursive_directory_iterator(reports)) {
    if (!e.is_regular_file()) continue;
    if (e.path().extension() == ".html") {
      ++pages;
      const std::string page = ReadAll(e.path());
      EXPECT_TRUE(page.ends_with("</html>\n")) << e.path();
      EXPECT_TRUE(fs::exists(fs::path(e.path()).replace_extension(".json"))) << e.path();
      continue;
    }
    ++files;
    if (e.path().extension() == ".json") ++reports_json;
    EXPECT_TRUE(e.path().extension() == ".json" || e.path().extension() == ".sarif") << e.path();
    std::ifstream f(e.path());
    EXPECT_TRUE(nlohmann::json::parse(f, nullptr, false).is_object()) << e.path();
  }
  EXPECT_GE(reports_json, lines.size());
  EXPECT_EQ(pages, reports_json);
}

TEST_F(Cli, ProgressAndSummaryOnlyOnATerminal) {
  Write("p/a.txt", kCleanContract);
  Write("p/b.txt", Uncapped());
  Write("p/c.txt", "");
  const std::string dir = (dir_ / "p").string();
  Environment tty;
  tty.stderr_is_terminal = true;
  Outcome on = RunCli({"review", "--format", "jsonl", dir}, tty);
  EXPECT_NE(on.err.find("\r["), std::string::npos);
  EXPECT_NE(on.err.find("3/3"), std::string::npos) << on.err;
  EXPECT_NE(on.err.find(" files in "), std::string::npos);
  const std::string tail = on.err.substr(on.err.rfind("clausecheck: 3 files"));
  EXPECT_NE(tail.find("files/s): 1 pass, 0 review, 1 block, 1 error\n"), std::string::npos) << tail;
  Outcome quiet = RunCli({"review", "--quiet", "--format", "jsonl", dir}, tty);
  EXPECT_EQ(quiet.err, "clausecheck: error: " + dir + "/c.txt: empty file\n");
  Outcome pipe = RunCli({"review", "--format", "jsonl", dir});
  EXPECT_EQ(pipe.err, quiet.err);
}

// ------------------------------------------- sarif, line, summaries --

// Every regular file under `dir`, relative, sorted: proves no temporary file
// is left behind by an atomic write.
std::vector<std::string> FilesUnder(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(fs::relative(e.path(), dir).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_F(Cli, LineFormatIsOneGreppableLinePerFinding) {
  std::string clean = Write("l/a.txt", kCleanContract);
  std::string uncapped = Write("l/b.txt", Uncapped());
  std::string empty = Write("l/c.txt", "");
  Outcome o = RunCli({"review", "--format", "line", (dir_ / "l").string()});
  EXPECT_EQ(o.code, 2);  // the empty file
  EXPECT_EQ(o.err, "clausecheck: error: " + empty + ": empty file\n");
  // The clean contract has no finding, the empty file no line: every line is
  // the uncapped contract's, and its liability clause (block 5) is one.
  std::istringstream lines(o.out);
  int count = 0;
  bool uncapped_line = false;
  for (std::string line; std::getline(lines, line); ++count) {
    ASSERT_EQ(line.rfind(uncapped + ":", 0), 0u) << line;
    std::istringstream fields(line.substr(uncapped.size() + 1));
    int block = 0, column = 0;
    char colon1 = 0, colon2 = 0;
    std::string severity, rule;
    fields >> block >> colon1 >> column >> colon2 >> severity >> rule;
    EXPECT_EQ(colon1, ':');
    EXPECT_EQ(colon2, ':');
    EXPECT_GE(block, 1);
    EXPECT_GE(column, 1);
    clausecheck::Severity s;
    EXPECT_TRUE(clausecheck::ParseSeverity(severity, &s)) << line;
    if (rule == "liability.uncapped") {
      uncapped_line = true;
      // "3. Liability. Beta shall be liable for all losses of Acme without
      // limitation." is the fifth block.
      EXPECT_EQ(block, 5);
      EXPECT_EQ(severity, "high");
    }
  }
  EXPECT_GE(count, 1);
  EXPECT_TRUE(uncapped_line) << o.out;
}

TEST_F(Cli, SarifFormatIsOneLogForAllInputs) {
  std::string clean = Write("s/a.txt", kCleanContract);
  std::string uncapped = Write("s/b b.txt", Uncapped());
  std::string empty = Write("s/c.txt", "");
  Outcome o = RunCli({"review", "--format", "sarif", (dir_ / "s").string()});
  EXPECT_EQ(o.code, 2);
  auto log = nlohmann::json::parse(o.out);
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  ASSERT_EQ(run["artifacts"].size(), 3u);
  EXPECT_EQ(run["artifacts"][0]["location"]["uri"], "file://" + clean);
  EXPECT_EQ(run["artifacts"][1]["location"]["uri"],
            "file://" + (dir_ / "s").string() + "/b%20b.txt");
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  ASSERT_EQ(run["invocations"][0]["toolExecutionNotifications"].size(), 1u);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
            empty + ": empty file");
  bool found = false;
  for (const auto& r : run["results"]) {
    EXPECT_EQ(r["locations"][0]["physicalLocation"]["artifactLocation"]["index"], 1);
    if (r["ruleId"] == "liability.uncapped") {
      found = true;
      EXPECT_EQ(r["level"], "error");
      EXPECT_EQ(r["locations"][0]["logicalLocations"][0]["name"], "3");
      EXPECT_EQ(run["tool"]["driver"]["rules"][r["ruleIndex"].get<int>()]["id"],
                "liability.uncapped");
    }
  }
  EXPECT_TRUE(found) << o.out;
  // A run where every input was read succeeds.
  Outcome one = RunCli({"review", "--format", "sarif", clean});
  EXPECT_EQ(one.code, 0);
  EXPECT_EQ(nlohmann::json::parse(one.out)["runs"][0]["invocations"][0]["executionSuccessful"],
            true);
}

TEST_F(Cli, SeveralOutputsInOneRun) {
  Write("m/in/a.txt", kCleanContract);
  Write("m/in/b.txt", Uncapped());
  Write("m/in/c.txt", "");
  const std::string in = (dir_ / "m" / "in").string();
  const fs::path out = dir_ / "m" / "out";
  fs::create_directories(out);
  Outcome o = RunCli({"review", "--format", "line", "--json-output", (out / "all.json").string(),
                      "--sarif-output", (out / "all.sarif").string(), "--summary",
                      (out / "summary.csv").string(), in});
  EXPECT_EQ(o.code, 2);
  // stdout keeps --format; each file is what its format would print.
  EXPECT_EQ(o.out, RunCli({"review", "--format", "line", in}).out);
  EXPECT_EQ(ReadAll(out / "all.json"), RunCli({"review", "--format", "json", in}).out);
  EXPECT_EQ(ReadAll(out / "all.sarif"), RunCli({"review", "--format", "sarif", in}).out);
  const std::string csv = ReadAll(out / "summary.csv");
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "path,verdict,risk_score,critical,high,medium,low,info,parties,effective_date,"
            "end_date,governing_law,error");
  EXPECT_NE(csv.find("\r\n" + in +
                     "/a.txt,pass,0,0,0,0,0,0,Acme; Beta,2026-03-01,2028-03-01,New York,\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\n" + in + "/b.txt,block,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n" + in + "/c.txt,error,,,,,,,,,,,empty: empty file\r\n"),
            std::string::npos)
      << csv;
  // Atomic writes leave no temporary file behind.
  EXPECT_EQ(FilesUnder(out), (std::vector<std::string>{"all.json", "all.sarif", "summary.csv"}));
  // One input: --json-output is the object, not an array.
  Outcome single =
      RunCli({"review", "-q", "--json-output", (out / "one.json").string(), in + "/a.txt"});
  EXPECT_EQ(single.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(ReadAll(out / "one.json")).is_object());
}

TEST_F(Cli, MarkdownSummaryAndBadSummaryNames) {
  std::string a = Write("md/a|b.txt", kCleanContract);
  const fs::path table = dir_ / "table.md";
  Outcome o = RunCli({"review", "--summary", table.string(), a});
  EXPECT_EQ(o.code, 0) << o.err;
  const std::string md = ReadAll(table);
  EXPECT_EQ(md.substr(0, md.find('\n')),
            "| path | verdict | risk_score | critical | high | medium | low | info | parties | "
            "effective_date | end_date | governing_law | error |");
  EXPECT_NE(md.find("\n| " + (dir_ / "md").string() + "/a\\|b.txt | pass | 0 | 0 |"),
            std::string::npos)
      << md;
  // Only .csv, .md and .markdown: anything else is refused before any review.
  for (const char* bad : {"summary.txt", "summary", "summary.json"}) {
    const std::string target = (dir_ / bad).string();
    Outcome b = RunCli({"review", "--summary", target, a});
    EXPECT_EQ(b.code, 2);
    EXPECT_EQ(b.err,
              "clausecheck: error: --summary FILE must end in .csv (CSV) or .md/.markdown "
              "(Markdown), not '" +
                  target + "'\n");
    EXPECT_EQ(b.out, "");
    EXPECT_FALSE(fs::exists(target));
  }
  // --summary takes a file name; the old flag is --summary-line.
  EXPECT_EQ(RunCli({"review", a, "--summary"}).code, 2);
  EXPECT_EQ(RunCli({"check", "--summary", "x.csv", a}).code, 2);
}

TEST_F(Cli, OutputFilesThatCannotBeWrittenAreErrors) {
  std::string a = Write("w/a.txt", kCleanContract);
  // A regular file where the directory should be.
  const std::string nowhere = Write("w/file", "x") + "/dir";
  for (const char* flag : {"--json-output", "--sarif-output", "--summary"}) {
    const std::string target = nowhere + "/out.csv";
    Outcome o = RunCli({"review", "-q", flag, target, a});
    EXPECT_EQ(o.code, 2) << flag;
    EXPECT_NE(o.err.find("clausecheck: error: cannot create directory " + nowhere + ": "),
              std::string::npos)
        << o.err;
    EXPECT_NE(o.out.find("PASS"), std::string::npos);  // stdout is unaffected
  }
}

TEST_F(Cli, OutputDirWritesEveryFormatPerInputAndNothingPartialForFailures) {
  std::string a = Write("od/in/a.txt", kCleanContract);
  std::string b = Write("od/in/sub/b.txt", Uncapped());
  std::string c = Write("od/in/c.txt", "");
  const fs::path out = dir_ / "od" / "out";
  Outcome o = RunCli({"review", "-q", "--format", "jsonl", "--output-dir", out.string(),
                      (dir_ / "od" / "in").string()});
  EXPECT_EQ(o.code, 2);
  auto mirror = [&](const std::string& input, const char* ext) {
    return fs::relative(MirrorPath(out.string(), input, ext), out).string();
  };
  EXPECT_EQ(FilesUnder(out),
            (std::vector<std::string>{mirror(a, ".html"), mirror(a, ".json"), mirror(a, ".sarif"),
                                      mirror(c, ".html"), mirror(c, ".json"), mirror(b, ".html"),
                                      mirror(b, ".json"), mirror(b, ".sarif")}));
  // Each .sarif is the log of its input alone.
  EXPECT_EQ(ReadAll(MirrorPath(out.string(), b, ".sarif")),
            RunCli({"review", "--format", "sarif", b}).out);
  // The failed input has its error record and no SARIF file.
  EXPECT_EQ(nlohmann::json::parse(ReadAll(MirrorPath(out.string(), c, ".json")))["error"]["code"],
            "empty");
}

TEST_F(Cli, ConfigAcceptsTheNewFormats) {
  std::string a = Write("cf/a.txt", Uncapped());
  Write("cf/.clausecheck.yaml", "output: {format: line}\n");
  Environment env;
  env.cwd = (dir_ / "cf").string();
  Outcome o = RunCli({"review", a}, env);
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.out.rfind(a + ":", 0), 0u) << o.out;
  Write("cf/.clausecheck.yaml", "output: {format: html5}\n");
  Outcome bad = RunCli({"review", a}, env);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(
      bad.err.find("output.format must be console, json, jsonl, html, sarif or line, not 'html5'"),
      std::string::npos)
      << bad.err;
}

// ------------------------------------------------------------- check --

const std::string kGate = "tests/cli/fixtures/gate/";

TEST_F(Cli, CheckBlocksEachDraftLeftAndPassesTheCleanContract) {
  Outcome clean = RunCli({"check", kGate + "clean.docx"});
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;
  EXPECT_EQ(clean.out, "PASS    " + kGate + "clean.docx\n");

  Outcome tracked = RunCli({"check", kGate + "tracked-change.docx"});
  EXPECT_EQ(tracked.code, 1);
  EXPECT_EQ(tracked.out,
            "BLOCK   " + kGate +
                "tracked-change.docx\n"
                "  - clause 2: drafting.tracked_change (medium, draft): A tracked replacement of "
                "\"thirty (30)\" by Ed is still pending (neither accepted nor rejected). "
                "\"sixty (60)\"\n");

  Outcome comment = RunCli({"check", kGate + "open-comment.docx"});
  EXPECT_EQ(comment.code, 1);
  EXPECT_EQ(comment.out, "BLOCK   " + kGate +
                             "open-comment.docx\n"
                             "  - clause 2: drafting.open_comment (medium, draft): A comment by "
                             "Dee is still open: \"Which fees? Attach the schedule.\" "
                             "\"the fees\"\n");

  Outcome placeholder = RunCli({"check", kGate + "placeholder.docx"});
  EXPECT_EQ(placeholder.code, 1);
  EXPECT_EQ(placeholder.out, "BLOCK   " + kGate +
                                 "placeholder.docx\n"
                                 "  - clause 2: drafting.placeholder (high, draft): The contract "
                                 "contains an unfilled placeholder. \"[●]\"\n");

  Outcome hidden = RunCli({"check", kGate + "hidden-text.docx"});
  EXPECT_EQ(hidden.code, 1);
  EXPECT_EQ(hidden.out,
            "BLOCK   " + kGate +
                "hidden-text.docx\n"
                "  - clause 3: drafting.hidden_text (high, draft): The document contains hidden "
                "text, which a reader does not see but which is part of the file. \"This cap does "
                "not apply to Beta.\"\n");
}

TEST_F(Cli, CheckGateCanBeRelaxedOrTightened) {
  const std::string tracked = kGate + "tracked-change.docx";
  // Draft findings no longer block: the medium tracked change (one replacement) leaves REVIEW.
  Outcome relaxed = RunCli({"check", "--block-kinds", "none", tracked});
  EXPECT_EQ(relaxed.code, 0);
  EXPECT_EQ(relaxed.out, "REVIEW  " + tracked + "  (1 finding below the gate)\n");
  Outcome tightened = RunCli({"check", "--block-kinds", "none", "--fail-on", "medium", tracked});
  EXPECT_EQ(tightened.code, 1);
  std::string uncapped = Write("u.txt", Uncapped());
  EXPECT_EQ(RunCli({"check", uncapped}).code, 1);  // high risky finding
  EXPECT_EQ(RunCli({"check", "--fail-on", "critical", uncapped}).code, 0);
  // Several files: one verdict each, in order; an error outranks a block.
  Outcome many = RunCli({"check", kGate + "clean.docx", tracked, (dir_ / "no.docx").string()});
  EXPECT_EQ(many.code, 2);
  EXPECT_EQ(many.out.rfind("PASS    " + kGate + "clean.docx\nBLOCK   " + tracked, 0), 0u)
      << many.out;
  EXPECT_NE(many.out.find("ERROR   " + (dir_ / "no.docx").string() + ": no such file\n"),
            std::string::npos)
      << many.out;
  EXPECT_EQ(RunCli({"check", "--block-kinds", "drafty", tracked}).code, 2);
  // A gate never skips a file: --changed-since is review's only.
  EXPECT_EQ(RunCli({"check", "--changed-since", dir_.string(), tracked}).code, 2);
  // Sub-clauses are cited under their parent, as a reader would cite them.
  Outcome saas = RunCli({"check", "corpus/contracts/en-saas-subscription.txt"});
  EXPECT_EQ(saas.code, 1);
  EXPECT_NE(saas.out.find("\n  - clause 4(b): drafting.placeholder (high, draft): "),
            std::string::npos)
      << saas.out;
  EXPECT_NE(saas.out.find("\n  - document: dispute.forum.missing (high, missing): "),
            std::string::npos)
      << saas.out;
}

// ------------------------------------------------------------ config --

TEST_F(Cli, ConfigIsFoundUpwardAndFlagsOverrideIt) {
  Write("proj/.clausecheck.yaml",
        "fail_on: high\n"
        "rules:\n"
        "  severity: {liability.uncapped: medium}\n"
        "output: {format: jsonl}\n");
  std::string contract = Write("proj/deep/er/u.txt", Uncapped());
  Environment env;
  env.cwd = (dir_ / "proj" / "deep" / "er").string();
  Outcome o = RunCli({"review", contract}, env);
  EXPECT_EQ(o.code, 0) << o.err;  // uncapped is now medium, under the gate
  auto lines = JsonLines(o.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["findings"][0]["severity"], "medium");
  EXPECT_EQ(RunCli({"review", "--fail-on", "medium", contract}, env).code, 1);
  // --no-config, and an explicit file wins over discovery.
  EXPECT_EQ(RunCli({"review", "--no-config", "--fail-on", "high", contract}, env).code, 1);
  std::string other = Write("other.yaml", "rules: {disable: [liability.*]}\n");
  Outcome explicit_file = RunCli({"review", "--config", other, "--format", "jsonl", contract}, env);
  EXPECT_EQ(JsonLines(explicit_file.out)[0]["findings"].size(), 0u) << explicit_file.out;
  Environment via_env = env;
  via_env.config_env = other;
  EXPECT_EQ(RunCli({"review", "--format", "jsonl", contract}, via_env).out, explicit_file.out);
}

TEST_F(Cli, ConfigSetsTheGateLimitsAndMappings) {
  const std::string tracked = kGate + "tracked-change.docx";
  std::string relaxed = Write("relaxed.yaml", "check: {block_kinds: [], fail_on: critical}\n");
  Outcome o = RunCli({"check", "--config", relaxed, tracked});
  EXPECT_EQ(o.code, 0);
  EXPECT_EQ(o.out, "REVIEW  " + tracked + "  (1 finding below the gate)\n");
  // The command line still wins.
  EXPECT_EQ(RunCli({"check", "--config", relaxed, "--block-kinds", "draft", tracked}).code, 1);
  // Severity overrides reach the gate: a tracked change at info is no reason to review.
  std::string quiet_changes =
      Write("info.yaml",
            "rules: {severity: {drafting.tracked_change: info}}\ncheck: {block_kinds: []}\n");
  EXPECT_EQ(RunCli({"check", "--config", quiet_changes, tracked}).out, "PASS    " + tracked + "\n");
  std::string small = Write("small.yaml", "max_file_size: 200\njobs: 1\n");
  std::string contract = Write("c.txt", kCleanContract);
  Outcome big = RunCli({"review", "--config", small, "--format", "jsonl", contract});
  EXPECT_EQ(big.code, 2);
  EXPECT_EQ(JsonLines(big.out)[0]["error"]["code"], "too_large");
  // xml.maps are read relative to the configuration file.
  fs::copy_file("tests/parsers/fixtures/xml/clm-export.yaml", dir_ / "clm.yaml");
  std::string mapped = Write("mapped.yaml", "xml: {maps: [clm.yaml]}\n");
  Outcome x = RunCli({"review", "--config", mapped, "--format", "jsonl",
                      "tests/parsers/fixtures/xml/clm-export.xml"});
  ASSERT_EQ(x.code, 0) << x.err;
  EXPECT_EQ(x.out.find("Exported by CLM"), std::string::npos);
}

TEST_F(Cli, ConfigErrorsNameFileAndLine) {
  std::string bad = Write("bad.yaml", "jobs: 2\noutput:\n  format: jsonl\n  colour: never\n");
  Outcome o = RunCli({"--config", bad, "config", "show"});
  EXPECT_EQ(o.code, 2);
  EXPECT_EQ(o.err, "clausecheck: error: " + bad +
                       ":4: unknown key 'colour' in output (known: color, format, output_dir)\n");
  std::string top = Write("top.yaml", "\nstanse: customer\n");
  EXPECT_EQ(RunCli({"config", "show", "--config", top}).err,
            "clausecheck: error: " + top +
                ":2: unknown key 'stanse' in the configuration (known: as_of, check, date_order, "
                "default_ruleset, fail_on, jobs, language, max_file_size, output, parameters, "
                "rules, rulesets, stance, waivers, xml)\n");
  std::string side = Write("side.yaml", "stance: buyer\n");
  EXPECT_EQ(RunCli({"config", "show", "--config", side}).err,
            "clausecheck: error: " + side +
                ":1: stance must be neutral, party-a, party-b, customer or vendor, not 'buyer'\n");
  std::string param = Write("param.yaml", "parameters:\n  deposit_cap: 25\n");
  Outcome unknown_param = RunCli({"review", "--config", param, Write("p.txt", kCleanContract)});
  EXPECT_EQ(unknown_param.code, 2);
  EXPECT_NE(unknown_param.err.find(param + ":2: parameters: no parameter 'deposit_cap' (known: "),
            std::string::npos)
      << unknown_param.err;
  std::string value = Write("value.yaml", "check:\n  fail_on: severe\n");
  EXPECT_EQ(RunCli({"config", "show", "--config", value}).err,
            "clausecheck: error: " + value +
                ":2: check.fail_on must be info, low, medium, high, critical or never, not "
                "'severe'\n");
  std::string rule = Write("rule.yaml", "rules:\n  disable:\n    - no.such.rule\n");
  std::string c = Write("c.txt", kCleanContract);
  EXPECT_EQ(RunCli({"review", "--config", rule, c}).err,
            "clausecheck: error: " + rule + ":3: rules.disable: 'no.such.rule' names no rule\n");
  EXPECT_EQ(RunCli({"review", "--config", (dir_ / "none.yaml").string(), c}).code, 2);
}

TEST_F(Cli, ConfigShowPrintsTheEffectiveConfiguration) {
  Outcome defaults = RunCli({"config", "show", "--no-config"});
  ASSERT_EQ(defaults.code, 0) << defaults.err;
  EXPECT_EQ(defaults.out,
            "# effective configuration: no configuration file, built-in defaults\n"
            "rulesets: []\n"
            "default_ruleset: true\n"
            "rules:\n"
            "  disable: []\n"
            "  enable: []\n"
            "  severity: {}\n"
            "fail_on: never\n"
            "as_of: null\n"
            "jobs: auto\n"
            "max_file_size: 256M\n"
            "output:\n"
            "  format: console\n"
            "  output_dir: null\n"
            "  color: auto\n"
            "xml:\n"
            "  maps: []\n"
            "  map_dir: null\n"
            "parameters: {}\n"
            "stance: neutral\n"
            "language: auto\n"
            "date_order: auto\n"
            "waivers: []\n"
            "check:\n"
            "  fail_on: high\n"
            "  block_kinds: [missing, draft]\n");
  std::string cfg = Write("cfg/.clausecheck.yaml",
                          "rulesets: [ours.yaml]\n"
                          "rules: {disable: ['zh.*'], enable: [zh.parties.missing],\n"
                          "        severity: {drafting.open_comment: low}}\n"
                          "jobs: 3\nmax_file_size: 1536K\nas_of: 2026-01-31\n"
                          "output: {output_dir: ../reports}\n"
                          "parameters: {deposit_cap_percent: 30, lpr_one_year_percent: 3.1}\n"
                          "stance: party-b\ndate_order: dmy\nwaivers: [accepted.yaml]\n"
                          "check: {fail_on: critical, block_kinds: [draft]}\n");
  Outcome shown = RunCli({"config", "show", "--config", cfg});
  ASSERT_EQ(shown.code, 0) << shown.err;
  const std::string base = (dir_ / "cfg").string();
  EXPECT_EQ(shown.out, "# effective configuration: from " + cfg +
                           ", built-in defaults for the rest\n"
                           "rulesets: [" +
                           base +
                           "/ours.yaml]\n"
                           "default_ruleset: true\n"
                           "rules:\n"
                           "  disable: [zh.*]\n"
                           "  enable: [zh.parties.missing]\n"
                           "  severity:\n"
                           "    drafting.open_comment: low\n"
                           "fail_on: never\n"
                           "as_of: 2026-01-31\n"
                           "jobs: 3\n"
                           "max_file_size: 1536K\n"
                           "output:\n"
                           "  format: console\n"
                           "  output_dir: " +
                           (dir_ / "reports").string() +
                           "\n"
                           "  color: auto\n"
                           "xml:\n"
                           "  maps: []\n"
                           "  map_dir: null\n"
                           "parameters:\n"
                           "  deposit_cap_percent: 30\n"
                           "  lpr_one_year_percent: 3.1\n"
                           "stance: party-b\n"
                           "language: auto\n"
                           "date_order: dmy\n"
                           "waivers: [" +
                           base +
                           "/accepted.yaml]\n"
                           "check:\n"
                           "  fail_on: critical\n"
                           "  block_kinds: [draft]\n");
  // What it shows is what the commands use.
  Outcome list = RunCli({"rules", "list", "--config", (dir_ / "cfg/none").string()});
  EXPECT_EQ(list.code, 2);
  std::string no_zh =
      Write("nozh.yaml", "rules: {disable: ['zh.*'], enable: [zh.parties.missing]}\n");
  Outcome rules = RunCli({"rules", "list", "--config", no_zh});
  ASSERT_EQ(rules.code, 0) << rules.err;
  EXPECT_NE(rules.out.find("zh.parties.missing\t"), std::string::npos);
  EXPECT_EQ(rules.out.find("zh.signature.missing\t"), std::string::npos);
}

}  // namespace
}  // namespace clausecheck::cli
