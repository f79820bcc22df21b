// The synthetic story generator.
//
// The Japanese words are the English ones' counterparts (kanji, hiragana and katakana), written without
// spaces, sentences ending in "。"; they draw the same random numbers, so both stories have one shape.
//
// Lane 0 runs the whole story. Lane k forks from lane (k-1)/2 (so forks nest as a tree): it branches at one
// of its parent's events, rejoins at a later one, and has its own events strictly between the two.
#include "story/story_generator.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <utility>
#include <vector>

namespace epilogue {

namespace {

// splitmix64: small, fast, and the same everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }  // [0, 1)
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(std::max(n, 1))); }

private:
    std::uint64_t state_;
};

const char* const kWords[] = {"the",     "night",   "city",    "stars",  "piano",   "dream",   "light",
                              "audition", "jazz",    "club",    "Paris",  "summer",  "winter",  "song",
                              "dance",   "theatre", "stage",   "road",   "ocean",   "letter",  "window",
                              "memory",  "choice",  "cost",    "love",   "career",  "future",  "past",
                              "smile",   "door",    "crowd",   "silence", "applause", "chance", "promise",
                              "a",       "of",      "and",     "in",     "to",      "what",    "might",
                              "have",    "been",    "they",    "never",  "always",  "again",   "still"};
constexpr int kWordCount = static_cast<int>(sizeof(kWords) / sizeof(kWords[0]));

const char* const kJapaneseWords[] = {
    "その",   "夜",     "街",       "星々",   "ピアノ", "夢",     "光",     "オーディション", "ジャズ", "クラブ",
    "パリ",   "夏",     "冬",       "歌",     "踊り",   "劇場",   "舞台",   "道",             "海",     "手紙",
    "窓",     "記憶",   "選択",     "代償",   "愛",     "キャリア", "未来", "過去",           "微笑み", "扉",
    "群衆",   "沈黙",   "拍手",     "機会",   "約束",   "ひとつの", "の",   "と",             "で",     "へ",
    "何が",   "かもしれない", "あった", "だった", "彼らは", "決して", "いつも", "再び",       "まだ"};
static_assert(sizeof(kJapaneseWords) == sizeof(kWords), "one Japanese word for each English one");

void appendSentence(std::string& out, Random& random, int words, GeneratedLanguage language) {
    if (language == GeneratedLanguage::Japanese) {
        for (int i = 0; i < words; ++i) out += kJapaneseWords[random.below(kWordCount)];
        out += "\u3002";  // 。
        return;
    }
    for (int i = 0; i < words; ++i) {
        const char* word = kWords[random.below(kWordCount)];
        if (i == 0) {
            out += static_cast<char>(word[0] >= 'a' && word[0] <= 'z' ? word[0] - 'a' + 'A' : word[0]);
            out += word + 1;
        } else {
            out += ' ';
            out += word;
        }
    }
    out += '.';
}

struct GeneratedEvent {
    double time;
    int lane;
    std::size_t serial;  // gives the id
};

void appendTime(std::string& out, double time) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", time);
    out += text;
}

}  // namespace

std::string generateStory(const StoryGeneratorOptions& options) {
    Random random(options.seed);
    const GeneratedLanguage language = options.language;
    const bool japanese = language == GeneratedLanguage::Japanese;
    const int laneCount = std::max(1, options.lanes);
    const int eventCount = std::max(laneCount * 3, options.events);
    const double span = std::max(100.0, static_cast<double>(eventCount));

    // Events per lane: half on the root lane, the rest shared among the forks.
    std::vector<std::vector<double>> times(static_cast<std::size_t>(laneCount));
    std::vector<int> fork(static_cast<std::size_t>(laneCount), -1), rejoin(static_cast<std::size_t>(laneCount), -1);
    const int rootEvents = laneCount == 1 ? eventCount : eventCount / 2;
    for (int i = 0; i < rootEvents; ++i) times[0].push_back(span * random.uniform());
    std::sort(times[0].begin(), times[0].end());
    int remaining = eventCount - rootEvents;
    for (int lane = 1; lane < laneCount; ++lane) {
        const auto& parent = times[static_cast<std::size_t>((lane - 1) / 2)];
        const int count = lane + 1 == laneCount ? remaining : remaining / (laneCount - lane);
        remaining -= count;
        // Fork and rejoin at parent events a quarter to three quarters of the parent's events apart.
        const int parentCount = static_cast<int>(parent.size());
        const int length = std::max(2, parentCount / 4 + random.below(std::max(1, parentCount / 2)));
        const int first = random.below(std::max(1, parentCount - length));
        const int last = std::min(parentCount - 1, first + length);
        fork[static_cast<std::size_t>(lane)] = first;
        rejoin[static_cast<std::size_t>(lane)] = last;
        const double from = parent[static_cast<std::size_t>(first)];
        const double to = parent[static_cast<std::size_t>(last)];
        auto& own = times[static_cast<std::size_t>(lane)];
        for (int i = 0; i < count; ++i) own.push_back(from + (to - from) * (0.001 + 0.998 * random.uniform()));
        std::sort(own.begin(), own.end());
    }

    auto eventId = [](int lane, std::size_t index) {
        return "l" + std::to_string(lane) + "e" + std::to_string(index);
    };

    std::string out;
    out.reserve(static_cast<std::size_t>(eventCount) * 420);
    out += "{\n  \"format\": \"epilogue-story/1\",\n  \"title\": \"";
    out += japanese ? "合成された物語：" + std::to_string(laneCount) + "本の道と" + std::to_string(eventCount) + "の出来事"
                    : "A synthetic story of " + std::to_string(eventCount) + " events in " + std::to_string(laneCount) + " lanes";
    out += "\",\n";
    out += "  \"source\": {\"title\": \"epilogue-bench --generate\"},\n  \"eras\": [";
    const int eras = 4 + eventCount / 2000;
    for (int i = 0; i < eras; ++i) {
        out += i ? ",\n    " : "\n    ";
        out += "{\"name\": \"" + (japanese ? "第" + std::to_string(i + 1) + "期" : "Era " + std::to_string(i + 1)) + "\", \"start\": ";
        appendTime(out, span * i / eras);
        out += ", \"end\": ";
        appendTime(out, span * (i + 1) / eras);
        out += "}";
    }
    out += "\n  ],\n  \"lanes\": [";
    for (int lane = 0; lane < laneCount; ++lane) {
        out += lane ? ",\n    " : "\n    ";
        out += "{\"id\": \"lane" + std::to_string(lane) + "\", \"title\": \"" + (japanese ? "人生" : "Lane ") + std::to_string(lane) + "\"";
        if (lane > 0) {
            const int parent = (lane - 1) / 2;
            out += ", \"kind\": \"dream\", \"forks_from\": \"" +
                   eventId(parent, static_cast<std::size_t>(fork[static_cast<std::size_t>(lane)])) +
                   "\", \"rejoins_at\": \"" +
                   eventId(parent, static_cast<std::size_t>(rejoin[static_cast<std::size_t>(lane)])) + "\"";
        }
        out += "}";
    }
    out += "\n  ],\n  \"events\": [";
    bool firstEvent = true;
    for (int lane = 0; lane < laneCount; ++lane) {
        const auto& own = times[static_cast<std::size_t>(lane)];
        for (std::size_t i = 0; i < own.size(); ++i) {
            out += firstEvent ? "\n    " : ",\n    ";
            firstEvent = false;
            out += "{\"id\": \"" + eventId(lane, i) + "\", \"lane\": \"lane" + std::to_string(lane) + "\", \"time\": ";
            appendTime(out, own[i]);
            out += ", \"title\": \"";
            appendSentence(out, random, 2 + random.below(4), language);
            out.resize(out.size() - (japanese ? 3 : 1));  // titles go without the full stop ("。" or ".")
            out += "\", \"summary\": \"";
            appendSentence(out, random, 8 + random.below(10), language);
            out += "\"";
            if (random.below(4) == 0) {
                out += ", \"quotes\": [{\"speaker\": \"" + std::string(japanese ? "誰か" : "Someone") + "\", \"words\": \"";
                appendSentence(out, random, 5 + random.below(8), language);
                out += "\"}]";
            }
            out += ", \"commentary\": [{\"text\": \"";
            const int sentences = 2 + random.below(3);
            for (int s = 0; s < sentences; ++s) {
                if (s && !japanese) out += ' ';
                appendSentence(out, random, 10 + random.below(12), language);
            }
            out += japanese ? "\", \"attribution\": \"批評家\"}]}" : "\", \"attribution\": \"a critic\"}]}";
        }
    }
    out += "\n  ],\n  \"pairs\": [";
    const int pairs = laneCount > 1 ? eventCount / 100 : 0;
    std::set<std::pair<int, std::size_t>> paired;  // a pair is listed once (the loader refuses it twice)
    int written = 0;
    for (int p = 0; p < pairs; ++p) {
        const int lane = 1 + random.below(laneCount - 1);
        const auto& own = times[static_cast<std::size_t>(lane)];
        const int parent = (lane - 1) / 2;
        const std::size_t index = static_cast<std::size_t>(random.below(static_cast<int>(own.size())));
        // The parent's event nearest in time is "the same moment in the other life".
        const auto& parentTimes = times[static_cast<std::size_t>(parent)];
        const auto at = std::lower_bound(parentTimes.begin(), parentTimes.end(), own[index]);
        const std::size_t parentIndex =
            std::min(static_cast<std::size_t>(at - parentTimes.begin()), parentTimes.size() - 1);
        if (!paired.emplace(lane, index).second) continue;
        out += written++ ? ",\n    " : "\n    ";
        out += "[\"" + eventId(lane, index) + "\", \"" + eventId(parent, parentIndex) + "\"]";
    }
    out += written ? "\n  ]\n}\n" : "]\n}\n";
    return out;
}

}  // namespace epilogue
