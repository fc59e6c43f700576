// The process's heap: huge pages for the heaps the review threads
// allocate from, and objects left to the process's end.
//
// A review that starts cold touches thousands of fresh heap pages: RE2
// compiles a few hundred patterns on first use, and each page is a fault
// on first touch. On the virtual machines this is measured on a fault
// costs about 7 microseconds, and a fresh process reviewing one 20-page
// DOCX took about 6,000 of them. With transparent huge pages, where a fault
// maps 2 MB, not 4 KB, it takes about 500 (docs/performance.md,
// "Single-file latency: fewer compilations and huge pages" and "Startup:
// Nettle, and the engine built on huge pages").
//
// Linux grants them (in its default "madvise" mode) to the ranges a
// process marks with madvise(MADV_HUGEPAGE), and only where a 2 MB-aligned
// range lies wholly inside one writable mapping and holds no small page
// yet. glibc's heap for a thread (a non-main arena) is a 64 MB
// reservation, aligned to 64 MB, made writable as it grows, from an
// initial size of at least M_TOP_PAD; so
//
//   PadThreadHeaps();  // before the threads start
//   ... in each thread, before its work:
//   AdviseHugePages();
//
// (RunOrdered and PrepareAnalysis, for a run of at most kHugePagesUpTo
// inputs: HugePagesFor) marks the whole reservation, makes its first 2 MB
// a huge page and the next 24 MB writable, keeps blocks of up to 32 MB in
// the heaps and never trims them during the run. The engine is built the
// same way, on a thread of its own (OnHugePages), whose heap the first
// review thread then inherits.
// Elsewhere (another C library, huge pages disabled) all this does nothing
// that matters: a review is the same, only slower.
#ifndef CLAUSECHECK_CLI_HEAP_H_
#define CLAUSECHECK_CLI_HEAP_H_

#include <cstddef>
#include <cstdlib>  // defines __GLIBC__ where the C library is glibc
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CLAUSECHECK_SANITIZER_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define CLAUSECHECK_SANITIZER_MALLOC 1
#endif
#endif

namespace clausecheck::cli {

/// Whether malloc is glibc's, whose heaps AdviseHugePages knows (not a
/// sanitizer's, which has heaps of its own).
#if defined(__GLIBC__) && !defined(CLAUSECHECK_SANITIZER_MALLOC)
inline constexpr bool kGlibcHeap = true;
#else
inline constexpr bool kGlibcHeap = false;
#endif

/// The longest batch whose threads ask for huge pages. They make a cold
/// start about a third faster, but hold up to 2 MB more a thread: 10,000
/// small files at -j2 peaked at 64.3 MB with them, 62.9 MB without, and
/// the batch's bound is 64 MB. A batch of 256 inputs or fewer is where the
/// cold start weighs; a longer one spreads it over its inputs.
inline constexpr unsigned long kHugePagesUpTo = 256;

/// Whether a run of `inputs` inputs asks for huge pages: at most
/// kHugePagesUpTo, and only where malloc is glibc's.
inline bool HugePagesFor(size_t inputs) { return kGlibcHeap && inputs <= kHugePagesUpTo; }

/// Makes a thread heap glibc creates from now on start with 16 MB writable
/// (M_TOP_PAD), malloc take blocks of up to 32 MB from the heaps, not map
/// each on its own (M_MMAP_THRESHOLD), and a heap keep what is freed at
/// its top rather than give it back (M_TRIM_THRESHOLD), for the rest of
/// the process; the main heap then grows by 16 MB a step. Address space
/// only: a page that is not touched is not resident.
void PadThreadHeaps();

/// Marks the heap the calling thread's malloc draws from for transparent
/// huge pages; true if it did (a thread heap of glibc's, and madvise took
/// it), false for the main heap (below the program break) or where malloc
/// is not glibc's (kGlibcHeap). It also makes the heap's first 2 MB one
/// huge page where the kernel can (MADV_COLLAPSE, Linux 6.1), and the next
/// 24 MB writable at once.
bool AdviseHugePages();

/// Runs `fn` on a thread of its own whose heap has huge pages
/// (AdviseHugePages) and returns what it returns (or throws what it
/// throws). For what a run builds before its workers start: glibc hands a
/// finished thread's heap to the next thread that needs one, so the first
/// worker goes on in the same heap.
template <typename Fn>
auto OnHugePages(Fn fn) -> decltype(fn()) {
  std::optional<decltype(fn())> result;
  std::exception_ptr failed;
  std::thread thread([&] {
    AdviseHugePages();
    try {
      result.emplace(fn());
    } catch (...) {
      failed = std::current_exception();
    }
  });
  thread.join();
  if (failed) std::rethrow_exception(failed);
  return std::move(*result);
}

/// Keeps `object` until the process ends, never destroyed: the kernel takes
/// back its memory at exit all at once. For what a run builds once and uses
/// to its end, whose destruction is only cost: the engine's hundreds of RE2
/// programs took 23.6 M instructions to free after a cold 20-page review
/// (2.3 %), 3.1 M after a one-line one (4.5 %). It stays reachable (a leak
/// checker does not report it). Only for a process that ends after the run
/// (Environment::process_ends_after_run): each call keeps one more.
template <typename T>
void LeaveToExit(T object) {
  static std::mutex mu;
  static auto* kept = new std::vector<std::shared_ptr<void>>();
  std::lock_guard<std::mutex> lock(mu);
  kept->push_back(std::make_shared<T>(std::move(object)));
}

}  // namespace clausecheck::cli

#endif  // CLAUSECHECK_CLI_HEAP_H_
