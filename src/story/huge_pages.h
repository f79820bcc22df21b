// A hint that a large buffer about to be filled should be backed by huge pages: a story of a hundred
// thousand events fills tens of megabytes at load, and faulting them in 4 KB at a time was a large
// part of its load time; a table read at random (the event ids') also misses the TLB far less, which
// matters most in a virtual machine, where each miss walks two sets of page tables. Only whole 2 MB
// pages inside the buffer are advised; without transparent huge pages (or off Linux) nothing changes.
//
// PageWarmer faults in, on a thread of its own, the pages of arrays that are being filled in order, a
// little ahead of the filling: the kernel clears every fresh page before it is first used, which is much of
// a large story's load time, and the warmer moves that work to another core. It populates pages without
// writing to them (MADV_POPULATE_WRITE), so it never touches what the filling thread writes; before Linux
// 5.14, or off Linux, it does nothing.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace epilogue {

void adviseHugePages(void* data, std::size_t bytes);

class PageWarmer {
public:
    // An array of `capacity` elements of `elementBytes` each, reserved (not yet touched) from `data` on.
    struct Array {
        const void* data = nullptr;
        std::size_t elementBytes = 0;
        std::size_t capacity = 0;
    };
    explicit PageWarmer(std::vector<Array> arrays);
    ~PageWarmer();  // stops the thread
    PageWarmer(const PageWarmer&) = delete;
    PageWarmer& operator=(const PageWarmer&) = delete;

    // The filling thread has filled `count` elements of each array: the warmer keeps kAhead beyond that.
    // Cheap enough to call for every element.
    void reached(std::size_t count);

    static constexpr std::size_t kAhead = 32768;  // elements
    static constexpr std::size_t kStep = 4096;    // elements filled between two wake-ups of the thread

private:
    void run();

    std::vector<Array> arrays_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::size_t reached_ = 0;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace epilogue
