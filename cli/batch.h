// The batch driver: many inputs through worker threads, results in input order.
//
// RunOrdered runs work(i) for i = 0..n-1 on `jobs` threads and hands each
// result to emit(i, result) on the calling thread, strictly in index order, so
// the output does not depend on the number of threads. Workers run at most
// `window` items ahead of the next one to emit: memory stays bounded however
// many inputs there are. When *stop becomes true (Ctrl-C), no new item starts;
// the items already started finish and are emitted, and RunOrdered returns
// false. tick() is called on the calling thread about ten times a second and
// after every emit, for a progress display.
//
// Progress draws the one-line progress bar (done/total, rate, ETA, current
// file) on a terminal; Summary is the closing line.
#ifndef CLAUSECHECK_CLI_BATCH_H_
#define CLAUSECHECK_CLI_BATCH_H_

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/inputs.h"
#include "core/result.h"
#include "core/review.h"

namespace clausecheck::cli {

/// What one input came to.
struct Outcome {
  std::string path;
  std::optional<Error> error;  // unreadable input, or a report that could not be written
  bool skipped = false;        // --changed-since: its report is current
  Verdict verdict = Verdict::kPass;
  bool gate_failed = false;
  std::string out;                        // what goes on stdout for it, complete
  std::vector<std::string> write_errors;  // reports for it that could not be written
};

struct BatchState {
  size_t total = 0;
  size_t started = 0;
  size_t done = 0;
  std::string current;  // the input most recently started
};

using WorkFn = std::function<Outcome(size_t index)>;
using EmitFn = std::function<void(size_t index, Outcome&& outcome)>;
using TickFn = std::function<void(const BatchState& state)>;

/// Returns false when stopped by *stop before every item ran.
bool RunOrdered(size_t n, int jobs, size_t window, const std::atomic<bool>* stop,
                const WorkFn& work, const std::function<std::string(size_t)>& name,
                const EmitFn& emit, const TickFn& tick);

/// The number of worker threads when -j is not given: the number of cores.
int DefaultJobs();

struct Totals {
  size_t inputs = 0;
  size_t pass = 0;
  size_t review = 0;
  size_t block = 0;
  size_t errors = 0;
  size_t skipped = 0;
};

/// The progress line on a terminal: drawn in place with '\r', erased by Clear.
class Progress {
 public:
  Progress(std::ostream& err, bool enabled, int columns);
  void Draw(const BatchState& state);
  /// Erases the bar so that a line can be printed; the next Draw redraws it.
  void Clear();

 private:
  std::ostream& err_;
  bool enabled_;
  int columns_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

/// "clausecheck: 1000 files in 12.3 s (81.3/s): 600 pass, 300 review, 95 block, 5 errors"
std::string SummaryLine(const Totals& totals, double seconds, bool interrupted);

// ---------------------------------------------------------------- driver --
// What `review` and `check` share: inputs, threads, shards, progress, totals.

struct Config;

struct BatchOptions {
  std::vector<std::string> paths;
  InputOptions inputs;
  int jobs = 0;       // 0: the configuration's, else the number of cores
  std::string shard;  // "I/N"
  std::string max_file_size;
  std::string changed_since;  // a directory of earlier reports (--output-dir layout)
  bool quiet = false;
  bool summary_line = false;  // --summary-line (review's --summary FILE is the table)
};

/// `review` also takes --changed-since; `check` does not (a gate never passes
/// a file unseen).
void AddBatchOptions(CLI::App* cmd, BatchOptions* o, bool changed_since);

/// Everything a batch needs settled before it starts.
struct BatchPlan {
  std::vector<Input> inputs;  // this shard's, in input order
  int jobs = 1;
  uint64_t max_file_size = 0;
};

/// Expands the inputs and takes this shard's; errors are usage errors.
Result<BatchPlan> PlanBatch(const BatchOptions& o, const Config& config, const Environment& env);

/// True when `dir` holds a report for `path` (in the --output-dir layout)
/// whose document.sha256 is the sha256 of the file's bytes now.
bool ReportIsCurrent(const std::string& dir, const std::string& path, uint64_t max_file_size);

struct BatchResult {
  Totals totals;
  bool interrupted = false;
};

/// Runs `work` over plan.inputs in order. `write` puts each outcome on stdout
/// (it is told the count of outcomes written before); error lines go to `err`
/// as they come, in order; then the summary line unless quiet.
BatchResult DriveBatch(const BatchPlan& plan, const BatchOptions& o, const Environment& env,
                       const WorkFn& work,
                       const std::function<void(size_t written, const Outcome&)>& write,
                       std::ostream& err);

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_BATCH_H_
