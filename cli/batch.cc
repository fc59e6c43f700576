#include "cli/batch.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "cli/common.h"
#include "cli/config.h"
#include "cli/heap.h"
#include "parsers/parse.h"

namespace clausecheck::cli {
namespace {

constexpr auto kTick = std::chrono::milliseconds(100);

Outcome Guarded(const WorkFn& work, size_t i, const std::string& path) {
  try {
    return work(i);
  } catch (const std::exception& e) {
    // One input never stops the batch, not even on an internal failure.
    Outcome o;
    o.path = path;
    o.error = Error{ErrorCode::kInternal, std::string("internal error: ") + e.what(), path};
    return o;
  }
}

std::string Clock(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

bool RunOrdered(size_t n, int jobs, size_t window, const std::atomic<bool>* stop,
                const WorkFn& work, const std::function<std::string(size_t)>& name,
                const EmitFn& emit, const TickFn& tick) {
  jobs = std::max(jobs, 1);
  window = std::max(window, static_cast<size_t>(jobs));
  std::mutex mu;
  std::condition_variable wake_workers, wake_main;
  std::map<size_t, Outcome> ready;  // at most `window` entries
  size_t next_claim = 0;
  size_t next_emit = 0;
  bool stopping = false;
  BatchState state;
  state.total = n;
  auto stop_requested = [stop] { return stop != nullptr && stop->load(); };

  // Huge pages for the workers' heaps (heap.h): a cold start's page faults.
  const bool huge_pages = HugePagesFor(n);
  if (huge_pages) PadThreadHeaps();
  auto worker = [&] {
    if (huge_pages) AdviseHugePages();
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      // Timed: a signal handler sets *stop but cannot notify.
      wake_workers.wait_for(lock, kTick, [&] {
        return stopping || next_claim >= n || stop_requested() || next_claim < next_emit + window;
      });
      if (stopping || next_claim >= n || stop_requested()) break;
      if (next_claim >= next_emit + window) continue;
      const size_t i = next_claim++;
      state.started = next_claim;
      state.current = name(i);
      const std::string path = state.current;
      lock.unlock();
      Outcome o = Guarded(work, i, path);
      lock.lock();
      ready.emplace(i, std::move(o));
      ++state.done;
      wake_main.notify_one();
    }
    wake_main.notify_one();
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs && static_cast<size_t>(t) < n; ++t) threads.emplace_back(worker);

  std::unique_lock<std::mutex> lock(mu);
  while (next_emit < n) {
    auto it = ready.find(next_emit);
    if (it != ready.end()) {
      Outcome o = std::move(it->second);
      ready.erase(it);
      const size_t i = next_emit++;
      wake_workers.notify_all();
      BatchState snapshot = state;
      lock.unlock();
      emit(i, std::move(o));
      tick(snapshot);
      lock.lock();
      continue;
    }
    if (stop_requested()) {
      stopping = true;
      wake_workers.notify_all();
      // Items already started are finished and emitted; none after them.
      if (next_emit >= next_claim) break;
    }
    wake_main.wait_for(lock, kTick);
    BatchState snapshot = state;
    lock.unlock();
    tick(snapshot);
    lock.lock();
  }
  stopping = true;
  wake_workers.notify_all();
  const bool complete = next_emit == n;
  lock.unlock();
  for (std::thread& t : threads) t.join();
  return complete;
}

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

Progress::Progress(std::ostream& err, bool enabled, int columns)
    : err_(err),
      enabled_(enabled),
      columns_(std::max(columns, 40)),
      start_(std::chrono::steady_clock::now()),
      last_(start_ - std::chrono::seconds(1)) {}

void Progress::Draw(const BatchState& s) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < kTick && s.done < s.total) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? s.done / elapsed : 0.0;
  constexpr int kBar = 20;
  const int filled = s.total == 0 ? kBar : static_cast<int>(kBar * s.done / s.total);
  std::string line = "[" + std::string(filled, '#') + std::string(kBar - filled, '.') + "] ";
  char buf[96];
  std::snprintf(buf, sizeof buf, "%zu/%zu  %.1f files/s", s.done, s.total, rate);
  line += buf;
  if (rate > 0 && s.done < s.total) line += "  ETA " + Clock((s.total - s.done) / rate);
  line += "  ";
  // The current file, shortened from the left to fit the terminal.
  const int room = columns_ - 1 - static_cast<int>(line.size());
  std::string current = s.current;
  if (room < 4) {
    current.clear();
  } else if (static_cast<int>(current.size()) > room) {
    current = "..." + current.substr(current.size() - (room - 3));
  }
  err_ << "\r" << line << current << "\x1b[K";
  err_.flush();
  shown_ = true;
}

void Progress::Clear() {
  if (!enabled_ || !shown_) return;
  err_ << "\r\x1b[K";
  err_.flush();
  shown_ = false;
  last_ = std::chrono::steady_clock::now() - std::chrono::seconds(1);
}

std::string SummaryLine(const Totals& t, double seconds, bool interrupted) {
  char head[128];
  std::snprintf(head, sizeof head, "clausecheck: %zu files in %.1f s (%.1f files/s): ", t.inputs,
                seconds, seconds > 0 ? t.inputs / seconds : 0.0);
  std::string line = head;
  line += std::to_string(t.pass) + " pass, " + std::to_string(t.review) + " review, " +
          std::to_string(t.block) + " block, " + std::to_string(t.errors) +
          (t.errors == 1 ? " error" : " errors");
  if (t.skipped > 0) line += ", " + std::to_string(t.skipped) + " unchanged (skipped)";
  if (interrupted) line += "; interrupted";
  return line;
}

void AddBatchOptions(CLI::App* cmd, BatchOptions* o, bool changed_since) {
  cmd->add_option("paths", o->paths,
                  "Contract files or directories; '-' reads a list of paths from stdin");
  cmd->add_option("--files-from", o->inputs.files_from,
                  "Read a list of paths, one a line, from FILE ('-': stdin; repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--include", o->inputs.include,
                  "In directories, take only files matching this glob (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--exclude", o->inputs.exclude,
                  "In directories, skip files and directories matching this glob (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("-j,--jobs", o->jobs, "Worker threads (default: the number of cores)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--shard", o->shard,
                  "Review only shard I of N (I/N, 1-based): inputs whose FNV-1a hash of the "
                  "path modulo N is I-1");
  cmd->add_option("--max-file-size", o->max_file_size,
                  "Refuse inputs larger than this (bytes, or with K, M, G; default 256M)");
  if (changed_since) {
    cmd->add_option("--changed-since", o->changed_since,
                    "Skip inputs whose report in this directory (as written by --output-dir) has "
                    "the same sha256");
  }
  cmd->add_flag("-q,--quiet", o->quiet, "No progress bar and no summary line");
  cmd->add_flag("--summary-line", o->summary_line,
                "Print the summary line on stderr even when it is not a terminal");
}

namespace {

bool ParseShard(const std::string& s, uint64_t* index, uint64_t* count) {
  unsigned long long i = 0, n = 0;
  char tail;
  if (std::sscanf(s.c_str(), "%llu/%llu%c", &i, &n, &tail) != 2) return false;
  if (s.find_first_not_of("0123456789/") != std::string::npos) return false;
  if (n < 1 || i < 1 || i > n) return false;
  *index = i - 1;
  *count = n;
  return true;
}

}  // namespace

Result<BatchPlan> PlanBatch(const BatchOptions& o, const Config& config, const Environment& env) {
  BatchPlan plan;
  plan.jobs = o.jobs > 0 ? o.jobs : config.jobs.value_or(DefaultJobs());
  plan.max_file_size = config.max_file_size.value_or(parsers::Limits{}.max_file_size);
  if (!o.max_file_size.empty() && !ParseSize(o.max_file_size, &plan.max_file_size)) {
    return Error{ErrorCode::kUsage,
                 "--max-file-size must be a positive size such as 1000, 512K, 20M or 1G, not '" +
                     o.max_file_size + "'",
                 ""};
  }
  uint64_t shard = 0, shards = 1;
  if (!o.shard.empty() && !ParseShard(o.shard, &shard, &shards)) {
    return Error{ErrorCode::kUsage, "--shard must be I/N with 1 <= I <= N, not '" + o.shard + "'",
                 ""};
  }
  if (o.paths.empty() && o.inputs.files_from.empty()) {
    return Error{ErrorCode::kUsage, "no input: give files, directories, '-' or --files-from", ""};
  }
  InputOptions inputs = o.inputs;
  inputs.stdin_list = env.in;
  for (Input& input : ExpandInputs(o.paths, inputs)) {
    if (PathHash(input.path) % shards == shard) plan.inputs.push_back(std::move(input));
  }
  return plan;
}

bool ReportIsCurrent(const std::string& dir, const std::string& path, uint64_t max_file_size) {
  std::ifstream report(MirrorPath(dir, path, ".json"), std::ios::binary);
  if (!report) return false;
  auto j = nlohmann::json::parse(report, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("document") || !j["document"].is_object()) return false;
  const auto& sha = j["document"].value("sha256", nlohmann::json());
  if (!sha.is_string()) return false;  // an error record: try again
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (bytes.str().size() > max_file_size) return false;
  return parsers::Sha256Hex(bytes.str()) == sha.get<std::string>();
}

BatchResult DriveBatch(const BatchPlan& plan, const BatchOptions& o, const Environment& env,
                       const WorkFn& work,
                       const std::function<void(size_t written, const Outcome&)>& write,
                       std::ostream& err) {
  BatchResult result;
  result.totals.inputs = plan.inputs.size();
  Progress progress(err, env.stderr_is_terminal && !o.quiet, env.columns);
  const auto start = std::chrono::steady_clock::now();
  size_t written = 0;
  const bool complete = RunOrdered(
      plan.inputs.size(), plan.jobs, static_cast<size_t>(plan.jobs) * 8, env.interrupted, work,
      [&](size_t i) { return plan.inputs[i].path; },
      [&](size_t, Outcome&& outcome) {
        progress.Clear();
        Totals& t = result.totals;
        if (outcome.skipped) {
          ++t.skipped;
          return;
        }
        if (outcome.error) {
          ++t.errors;
          PrintError(err, outcome.error->ToString());
        } else {
          switch (outcome.verdict) {
            case Verdict::kPass: ++t.pass; break;
            case Verdict::kReview: ++t.review; break;
            case Verdict::kBlock: ++t.block; break;
          }
        }
        for (const std::string& line : outcome.write_errors) {
          ++t.errors;
          PrintError(err, line);
        }
        write(written++, outcome);
      },
      [&](const BatchState& state) { progress.Draw(state); });
  progress.Clear();
  result.interrupted = !complete;
  if (result.interrupted) result.totals.inputs = written + result.totals.skipped;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.quiet && (env.stderr_is_terminal || o.summary_line || result.interrupted)) {
    err << SummaryLine(result.totals, seconds, result.interrupted) << "\n";
  }
  return result;
}

}  // namespace clausecheck::cli
