#include <cstdlib>  // defines __GLIBC__ where it is glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli.h"

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Loading a workspace fills and frees large buffers (each edition's list
  // of files, its articles before they go into the map): by default glibc
  // gives each buffer over 128 KiB its own mapping and hands freed memory
  // back to the system, so the next buffer faults in fresh zeroed pages
  // (a third of the page faults of a warm check). Kept, the memory is
  // reused; the peak stays the same.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  return edsync::cli::run(argc, argv);
}
