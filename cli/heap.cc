#include "cli/heap.h"

#include <sys/mman.h>
#include <unistd.h>

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

// Linux's MADV_COLLAPSE (6.1), which glibc 2.36's headers do not name.
constexpr int kMadvCollapse = 25;

}  // namespace

void PadThreadHeaps() {
#if defined(__GLIBC__)
  if (kGlibcHeap) mallopt(M_TOP_PAD, kTopPad);
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
  return true;
#else
  return false;
#endif
}

}  // namespace clausecheck::cli
