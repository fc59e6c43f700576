// The batch driver: ordering and bounds of RunOrdered, and a review of a
// generated folder of 1,000 inputs with broken files mixed in.
#include "cli/batch.h"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/app.h"
#include "cli/heap.h"

namespace clausecheck::cli {
namespace {

namespace fs = std::filesystem;

// The VmFlags line of the mapping that holds `at`, from /proc/self/smaps;
// empty if none does.
std::string VmFlagsAt(uintptr_t at) {
  std::ifstream in("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-' && line.find(':') > line.find(' ')) {
      inside = lo <= at && at < hi;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

// Whether this kernel collapses a range into a huge page when asked
// (MADV_COLLAPSE, Linux 6.1 and later).
bool KernelCollapsesHugePages() {
  constexpr size_t kHuge = size_t{2} << 20;
  void* map = mmap(nullptr, 2 * kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED) return false;
  const uintptr_t at = (reinterpret_cast<uintptr_t>(map) + kHuge - 1) & ~uintptr_t{kHuge - 1};
  *reinterpret_cast<volatile char*>(at) = 1;
  const bool collapsed = madvise(reinterpret_cast<void*>(at), kHuge, 25) == 0;
  munmap(map, 2 * kHuge);
  return collapsed;
}

// A review thread's heap is marked for transparent huge pages (the "hg"
// flag of its mapping); the main heap is not.
TEST(Heap, AThreadsHeapIsMarkedForHugePages) {
  if (!kGlibcHeap) {
    EXPECT_FALSE(AdviseHugePages());
    GTEST_SKIP() << "malloc is not glibc's (a sanitizer's)";
  }
  if (!fs::exists("/sys/kernel/mm/transparent_hugepage/enabled")) {
    GTEST_SKIP() << "no transparent huge pages in this kernel";
  }
  void* main_block = std::malloc(100);
  EXPECT_FALSE(AdviseHugePages());
  const std::string main_flags = VmFlagsAt(reinterpret_cast<uintptr_t>(main_block));
  std::free(main_block);
  ASSERT_NE(main_flags, "");
  EXPECT_EQ(main_flags.find(" hg"), std::string::npos) << main_flags;
  bool advised = false;
  std::string flags;
  std::thread thread([&] {
    advised = AdviseHugePages();
    void* block = std::malloc(100);
    flags = VmFlagsAt(reinterpret_cast<uintptr_t>(block));
    std::free(block);
  });
  thread.join();
  EXPECT_TRUE(advised);
  EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
}

// The first 2 MB of a thread's heap, which held small pages before it was
// marked (glibc writes the arena's header there at the thread's first
// malloc), is made one huge page, not left to fault 4 KB at a time.
TEST(Heap, AThreadsHeapStartsWithAHugePage) {
  if (!kGlibcHeap) GTEST_SKIP() << "malloc is not glibc's (a sanitizer's)";
  if (!KernelCollapsesHugePages()) {
    GTEST_SKIP() << "this kernel does not collapse a range into a huge page (MADV_COLLAPSE)";
  }
  PadThreadHeaps();
  bool advised = false;
  long faults = -1;
  std::thread thread([&] {
    // At least 2 MB of heap, writable, whether glibc gives this thread a
    // new heap or one an earlier thread of the tests left.
    std::vector<void*> blocks;
    blocks.reserve(48);
    for (int i = 0; i < 48; ++i) blocks.push_back(std::malloc(60 << 10));
    advised = AdviseHugePages();
    const uintptr_t base =
        reinterpret_cast<uintptr_t>(blocks.front()) & ~((uintptr_t{64} << 20) - 1);
    rusage before{}, after{};
    getrusage(RUSAGE_THREAD, &before);
    // Reads one byte of each 4 KB page: a fault for each that is not mapped.
    for (uintptr_t at = base; at < base + (uintptr_t{2} << 20); at += 4096) {
      (void)*reinterpret_cast<volatile const char*>(at);
    }
    getrusage(RUSAGE_THREAD, &after);
    faults = after.ru_minflt - before.ru_minflt;
    for (void* b : blocks) std::free(b);
  });
  thread.join();
  EXPECT_TRUE(advised);
  EXPECT_EQ(faults, 0);
}

// Fills 24 MB of 1 MB blocks on a new thread, past the 16 MB its heap
// starts with, twice (the second time in what the first gave back), and
// exits with 0 if each time took fewer than 64 page faults (in 4 KB pages
// it would be 6,144), printing them.
[[noreturn]] void FillAThreadsHeapAndExit() {
  PadThreadHeaps();
  long first = -1;
  long again = -1;
  std::thread thread([&] {
    AdviseHugePages();
    const auto faults_to_fill = [] {
      constexpr size_t kBlock = size_t{1} << 20;
      std::vector<char*> blocks;
      blocks.reserve(24);
      rusage before{}, after{};
      getrusage(RUSAGE_THREAD, &before);
      for (int i = 0; i < 24; ++i) {
        blocks.push_back(static_cast<char*>(std::malloc(kBlock)));
        std::memset(blocks.back(), 1, kBlock);
      }
      getrusage(RUSAGE_THREAD, &after);
      for (char* b : blocks) std::free(b);
      return after.ru_minflt - before.ru_minflt;
    };
    first = faults_to_fill();
    again = faults_to_fill();
  });
  thread.join();
  std::fprintf(stderr, "faults: %ld then %ld\n", first, again);
  std::exit(first >= 0 && first < 64 && again >= 0 && again < 64 ? 0 : 1);
}

// Large blocks a review thread allocates fault in huge pages: they come
// from its heap (not each mapped on its own), and the heap is writable far
// enough ahead that a 2 MB range is whole at its first fault. In a process
// of its own (a "threadsafe" death test runs the test binary again), where
// the thread's heap is new, as a review thread's is.
TEST(HeapDeathTest, AThreadsLargeBlocksFaultInHugePages) {
  if (!kGlibcHeap) GTEST_SKIP() << "malloc is not glibc's (a sanitizer's)";
  std::ifstream mode_file("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string mode;
  std::getline(mode_file, mode);
  if (mode.empty() || mode.find("[never]") != std::string::npos) {
    GTEST_SKIP() << "transparent huge pages are off";
  }
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(FillAThreadsHeapAndExit(), testing::ExitedWithCode(0), "faults: ");
}

// OnHugePages runs its function on a thread of its own, whose heap is
// marked for huge pages, and hands back its value or its exception.
TEST(Heap, OnHugePagesRunsOnAMarkedThreadAndReturnsItsResult) {
  const std::thread::id caller = std::this_thread::get_id();
  std::thread::id ran_on;
  std::string flags;
  const int got = OnHugePages([&] {
    ran_on = std::this_thread::get_id();
    void* block = std::malloc(100);
    flags = VmFlagsAt(reinterpret_cast<uintptr_t>(block));
    std::free(block);
    return 42;
  });
  EXPECT_EQ(got, 42);
  EXPECT_NE(ran_on, caller);
  if (kGlibcHeap && fs::exists("/sys/kernel/mm/transparent_hugepage/enabled")) {
    EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
  }
  EXPECT_THROW(OnHugePages([]() -> int { throw std::runtime_error("failed on the thread"); }),
               std::runtime_error);
}

// An object left to the process's end is kept, not destroyed (nor a copy
// of it left behind armed).
bool g_marker_destroyed = false;
struct Marker {
  Marker() = default;
  Marker(Marker&& other) noexcept : armed(other.armed) { other.armed = false; }
  Marker& operator=(Marker&&) = delete;
  ~Marker() {
    if (armed) g_marker_destroyed = true;
  }
  bool armed = true;
};

TEST(Heap, AnObjectLeftToExitIsNotDestroyed) {
  g_marker_destroyed = false;  // as if first, under --gtest_repeat too
  LeaveToExit(Marker());
  EXPECT_FALSE(g_marker_destroyed);
  {
    Marker scoped;  // the test's own check: a marker that goes is seen going
  }
  EXPECT_TRUE(g_marker_destroyed);
}

TEST(RunOrdered, EmitsInIndexOrderWithABoundedWindow) {
  for (int jobs : {1, 2, 7}) {
    std::atomic<int> running{0};
    std::atomic<size_t> max_ahead{0};
    std::atomic<size_t> emitted_count{0};
    std::vector<size_t> emitted;
    const size_t window = 5;
    auto work = [&](size_t i) {
      ++running;
      // Later items finish first now and then, so order must be restored.
      std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 5 * 200));
      size_t ahead = i - emitted_count.load();
      size_t seen = max_ahead.load();
      while (ahead > seen && !max_ahead.compare_exchange_weak(seen, ahead)) {
      }
      --running;
      Outcome o;
      o.path = std::to_string(i);
      return o;
    };
    bool complete = RunOrdered(
        200, jobs, window, nullptr, work, [](size_t i) { return std::to_string(i); },
        [&](size_t i, Outcome&& o) {
          EXPECT_EQ(o.path, std::to_string(i));
          emitted.push_back(i);
          ++emitted_count;
        },
        [](const BatchState&) {});
    EXPECT_TRUE(complete);
    ASSERT_EQ(emitted.size(), 200u);
    for (size_t i = 0; i < emitted.size(); ++i) EXPECT_EQ(emitted[i], i);
    EXPECT_LE(max_ahead.load(), std::max<size_t>(window, jobs)) << jobs << " jobs";
  }
}

TEST(RunOrdered, StopsAfterTheItemsAlreadyStarted) {
  std::atomic<bool> stop{false};
  std::vector<size_t> emitted;
  auto work = [&](size_t i) {
    if (i == 10) stop.store(true);
    Outcome o;
    o.path = std::to_string(i);
    return o;
  };
  bool complete = RunOrdered(
      1000, 3, 8, &stop, work, [](size_t i) { return std::to_string(i); },
      [&](size_t i, Outcome&&) { emitted.push_back(i); }, [](const BatchState&) {});
  EXPECT_FALSE(complete);
  ASSERT_GE(emitted.size(), 11u);
  EXPECT_LT(emitted.size(), 30u);  // at most the window beyond the stop
  for (size_t i = 0; i < emitted.size(); ++i) EXPECT_EQ(emitted[i], i);
}

TEST(RunOrdered, AnExceptionInOneItemBecomesItsErrorOnly) {
  std::vector<Outcome> got;
  RunOrdered(
      3, 2, 4, nullptr,
      [](size_t i) -> Outcome {
        if (i == 1) throw std::runtime_error("boom");
        Outcome o;
        o.path = "p" + std::to_string(i);
        return o;
      },
      [](size_t i) { return "p" + std::to_string(i); },
      [&](size_t, Outcome&& o) { got.push_back(std::move(o)); }, [](const BatchState&) {});
  ASSERT_EQ(got.size(), 3u);
  EXPECT_FALSE(got[0].error);
  ASSERT_TRUE(got[1].error);
  EXPECT_EQ(got[1].error->ToString(), "p1: internal error: boom");
  EXPECT_FALSE(got[2].error);
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Ran {
  int code;
  std::string out;
  std::string err;
};

Ran Review(std::vector<std::string> args) {
  args.insert(args.begin(), {"clausecheck", "review", "--no-config", "--format", "jsonl"});
  std::ostringstream out, err;
  int code = cli::Run(args, Environment{}, out, err);
  return {code, out.str(), err.str()};
}

std::vector<nlohmann::json> Lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// 1,000 inputs: short text contracts cut from corpus/contracts (a contract's
// first clauses, at a line break), a few whole DOCX contracts, and broken
// files: truncated zips named .docx, binary junk and empty files.
TEST(Batch, ThousandInputsEachReportedOnceInTheSameOrderForAnyJobsAndShards) {
  // Per process: test runs of other checkouts on the machine share /tmp.
  const fs::path dir =
      fs::temp_directory_path() / ("clausecheck_batch_1000_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  std::vector<std::string> texts;
  std::vector<fs::path> docx;
  for (const auto& e : fs::directory_iterator("corpus/contracts")) {
    if (e.path().extension() == ".txt") {
      std::string t = ReadFile(e.path());
      size_t cut = t.find('\n', std::min<size_t>(t.size(), 600));
      texts.push_back(cut == std::string::npos ? t : t.substr(0, cut + 1));
    } else if (e.path().extension() == ".docx") {
      docx.push_back(e.path());
    }
  }
  std::sort(docx.begin(), docx.end());
  ASSERT_GE(texts.size(), 10u);
  ASSERT_GE(docx.size(), 5u);
  std::map<std::string, std::string> broken;  // path -> expected error code
  std::set<std::string> good;
  const std::string zip = ReadFile(docx[0]);
  for (int i = 0; i < 1000; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "set%d/%04d", i % 7, i);
    fs::path p = dir / name;
    fs::create_directories(p.parent_path());
    std::string bytes, code;
    if (i % 250 == 17) {
      p += ".docx";
      bytes = zip.substr(0, zip.size() / 3);
      code = "format";
    } else if (i % 250 == 101) {
      p += ".txt";
      bytes = std::string("\x7f\x45\x00\x01\xff\xfe\x00\x00\x13\x37", 10) + std::string(64, '\0');
      code = "format";
    } else if (i % 250 == 202) {
      p += ".txt";
      code = "empty";
    } else if (i % 100 == 50) {
      p += ".docx";
      bytes = ReadFile(docx[(i / 100) % docx.size()]);
    } else {
      p += ".txt";
      bytes = texts[i % texts.size()];
    }
    std::ofstream(p, std::ios::binary) << bytes;
    if (code.empty()) {
      good.insert(p.string());
    } else {
      broken[p.string()] = code;
    }
  }
  ASSERT_EQ(good.size() + broken.size(), 1000u);
  ASSERT_EQ(broken.size(), 12u);

  Ran one = Review({"-j", "1", dir.string()});
  Ran four = Review({"-j", "4", dir.string()});
  EXPECT_EQ(one.code, 2);
  EXPECT_EQ(four.code, 2);
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.err, four.err);

  const auto lines = Lines(four.out);
  ASSERT_EQ(lines.size(), 1000u);
  std::set<std::string> seen;
  size_t errors = 0;
  for (const auto& j : lines) {
    const std::string path = j["document"]["path"];
    EXPECT_TRUE(seen.insert(path).second) << "reported twice: " << path;
    if (j.contains("error")) {
      ++errors;
      ASSERT_EQ(broken.count(path), 1u) << path << ": " << j["error"].dump();
      EXPECT_EQ(j["error"]["code"], broken[path]) << path;
    } else {
      EXPECT_EQ(good.count(path), 1u) << path;
      EXPECT_TRUE(j["verdict"].is_string()) << path;
    }
  }
  EXPECT_EQ(errors, broken.size());
  // One stderr line per broken input.
  EXPECT_EQ(static_cast<size_t>(std::count(four.err.begin(), four.err.end(), '\n')), broken.size());

  // The shards split the inputs, and their outputs, sorted by path, are the whole.
  std::vector<nlohmann::json> merged;
  for (const char* shard : {"1/3", "2/3", "3/3"}) {
    Ran part = Review({"-j", "2", "--shard", shard, dir.string()});
    auto l = Lines(part.out);
    EXPECT_GT(l.size(), 250u) << shard;
    const bool any_error =
        std::any_of(l.begin(), l.end(), [](const auto& j) { return j.contains("error"); });
    EXPECT_EQ(part.code, any_error ? 2 : 0) << shard;
    merged.insert(merged.end(), l.begin(), l.end());
  }
  std::stable_sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) {
    return a["document"]["path"].template get<std::string>() <
           b["document"]["path"].template get<std::string>();
  });
  EXPECT_EQ(merged, lines);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace clausecheck::cli
