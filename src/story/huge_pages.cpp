// The huge-page hint, where the system has one, and the page warmer.
#include "story/huge_pages.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace epilogue {

void adviseHugePages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHugePage = 2u << 20;
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t begin = (start + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = (start + bytes) & ~(kHugePage - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

PageWarmer::PageWarmer(std::vector<Array> arrays) : arrays_(std::move(arrays)), thread_([this] { run(); }) {}

PageWarmer::~PageWarmer() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void PageWarmer::reached(std::size_t count) {
    if (count % kStep != 0) return;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        reached_ = count;
    }
    wake_.notify_one();
}

void PageWarmer::run() {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    std::size_t warmed = 0;  // elements of each array whose pages are in
    for (;;) {
        std::size_t target = 0;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || reached_ + kAhead > warmed; });
            if (stop_) return;
            target = reached_ + kAhead;
        }
        for (const Array& array : arrays_) {
            const auto base = reinterpret_cast<std::uintptr_t>(array.data);
            const std::uintptr_t begin = (base + std::min(warmed, array.capacity) * array.elementBytes) / page * page;
            const std::uintptr_t end = base + std::min(target, array.capacity) * array.elementBytes;
            if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
        }
        warmed = target;
    }
#endif
}

}  // namespace epilogue
