#include "cli/heap.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace clausecheck::cli {

namespace {

// glibc's HEAP_MAX_SIZE on 64-bit systems (2 * DEFAULT_MMAP_THRESHOLD_MAX):
// the size and alignment of a thread heap's reservation.
constexpr uintptr_t kThreadHeapSize = uintptr_t{64} << 20;
constexpr int kTopPad = 16 << 20;
constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
// The largest block malloc takes from a heap (glibc's most: half a thread
// heap), and how far AdviseHugePages makes a thread heap writable at once.
constexpr int kMmapThreshold = 32 << 20;
constexpr size_t kWritableAhead = size_t{24} << 20;

// Linux's MADV_COLLAPSE (6.1), which glibc 2.36's headers do not name.
constexpr int kMadvCollapse = 25;

}  // namespace

void PadThreadHeaps() {
#if defined(__GLIBC__)
  if (kGlibcHeap) {
    mallopt(M_TOP_PAD, kTopPad);
    // Else a block of 128 KB or more (an unzipped part, pugixml's tree of
    // a long document) is mapped on its own in 4 KB pages and unmapped
    // when freed, to fault again for the next document.
    mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
    // Else what a review frees at the top of its heap is given back to the
    // kernel (splitting the huge pages it lay in) and faults again, in
    // small pages, for the next document.
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(kThreadHeapSize));
  }
#endif
}

bool AdviseHugePages() {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  // kThreadHeapSize is glibc's on 64-bit systems.
  if (!kGlibcHeap || sizeof(void*) != 8) return false;
  void* p = std::malloc(1);
  if (p == nullptr) return false;
  const auto at = reinterpret_cast<uintptr_t>(p);
  std::free(p);
  // The main heap is the brk heap, below the break; a thread heap is
  // mapped far above it.
  if (at < reinterpret_cast<uintptr_t>(sbrk(0))) return false;
  const uintptr_t base = at & ~(kThreadHeapSize - 1);
  if (madvise(reinterpret_cast<void*>(base), kThreadHeapSize, MADV_HUGEPAGE) != 0) return false;
  // The heap's first 2 MB already holds 4 KB pages: glibc wrote the arena's
  // header there at this thread's first malloc, before it could be marked,
  // and where a 2 MB range has a small page every later fault in it maps
  // another small one (512 faults where one would do). Collapsing it into
  // a huge page now is best effort: a kernel before 6.1, or one without a
  // free huge page, refuses, and the range keeps its small pages.
  madvise(reinterpret_cast<void*>(base), kHugePage, kMadvCollapse);
  // A thread heap grows past its first M_TOP_PAD by what each allocation
  // needs, often 4 KB, and a 2 MB range only partly writable at its first
  // fault gets small pages for good. A block taken and given back makes
  // the next kWritableAhead writable at once; giving it back returns its
  // pages (none touched), not the writable range.
  void* volatile ahead = std::malloc(kWritableAhead);
  std::free(ahead);
  return true;
#else
  return false;
#endif
}

}  // namespace clausecheck::cli
