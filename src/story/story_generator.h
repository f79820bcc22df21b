// Synthetic stories for benchmarks and scale tests: N events over K lanes with forks (nested), rejoins,
// eras and paired moments, and commentary of realistic length. Deterministic: the same parameters and
// seed always give the same text. The stories are valid (a test checks).
#pragma once

#include <cstdint>
#include <string>

namespace epilogue {

struct StoryGeneratorOptions {
    int events = 1000;
    int lanes = 4;          // at least 1; lanes after the first fork from earlier ones and rejoin them
    std::uint64_t seed = 1;
};

// The story file's text (JSON, the documented format).
std::string generateStory(const StoryGeneratorOptions& options);

}  // namespace epilogue
