// The process's heap: huge pages for the heaps the review threads
// allocate from, and objects left to the process's end.
//
// A review that starts cold touches thousands of fresh heap pages: RE2
// compiles a few hundred patterns on first use, and each page is a fault
// on first touch. On the virtual machines this is measured on a fault
// costs about 7 microseconds, and a fresh process reviewing one 20-page
// DOCX took about 6,000 of them. With transparent huge pages, where a fault
// maps 2 MB, not 4 KB, it takes 2,256 and 142-144 ms of CPU, not 194-199
// (docs/performance.md, "Single-file latency: fewer compilations and huge
// pages").
//
// Linux grants them (in its default "madvise" mode) to the ranges a
// process marks with madvise(MADV_HUGEPAGE), and only where a 2 MB-aligned
// range lies wholly inside one writable mapping. glibc's heap for a thread
// (a non-main arena) is a 64 MB reservation, aligned to 64 MB, made
// writable as it grows, from an initial size of at least M_TOP_PAD; so
//
//   PadThreadHeaps();  // before the threads start
//   ... in each thread, before its work:
//   AdviseHugePages();
//
// (RunOrdered, for a batch of at most kHugePagesUpTo inputs)
//
// marks the whole reservation and makes its first writable part 16 MB,
// room for huge pages. Elsewhere (another C library, huge pages disabled)
// both do nothing that matters: a review is the same, only slower.
#ifndef CLAUSECHECK_CLI_HEAP_H_
#define CLAUSECHECK_CLI_HEAP_H_

#include <cstdlib>  // defines __GLIBC__ where the C library is glibc
#include <memory>
#include <mutex>
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

/// Makes a thread heap glibc creates from now on start with 16 MB writable
/// (M_TOP_PAD, for the rest of the process; the main heap then grows by
/// 16 MB a step, and glibc's threshold for mapping a large block on its
/// own stops adapting).
/// Address space only: a page that is not touched is not resident.
void PadThreadHeaps();

/// Marks the heap the calling thread's malloc draws from for transparent
/// huge pages; true if it did (a thread heap of glibc's, and madvise took
/// it), false for the main heap (below the program break) or where malloc
/// is not glibc's (kGlibcHeap).
bool AdviseHugePages();

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
