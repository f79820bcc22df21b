// Synthetic stories for benchmarks and scale tests: N events over K lanes with forks (nested), rejoins,
// eras and paired moments, and commentary of realistic length. Deterministic: the same parameters and
// seed always give the same text. The stories are valid (a test checks). A story can be generated in
// Japanese (kana and kanji words, no spaces), the benchmark's multi-script twin of the English one.
#pragma once

#include <cstdint>
#include <string>

namespace epilogue {

enum class GeneratedLanguage { English, Japanese };

struct StoryGeneratorOptions {
    int events = 1000;
    int lanes = 4;          // at least 1; lanes after the first fork from earlier ones and rejoin them
    std::uint64_t seed = 1;
    // The words of titles, summaries, quotes, commentary, lanes and eras; the story's shape (times, lanes,
    // forks, pairs) is the same in every language for the same seed.
    GeneratedLanguage language = GeneratedLanguage::English;
};

// The story file's text (JSON, the documented format).
std::string generateStory(const StoryGeneratorOptions& options);

}  // namespace epilogue
