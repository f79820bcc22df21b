// Tier 1 (pure logic): the loader's cross-checks on hand-built stories, without a file: references are
// resolved and linked, and forks, rejoins, pairs and time order are checked, each problem at the offset
// the reader noted for the reference concerned.
#include "story/story_checks.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace epilogue;

namespace {

// A story as the reader leaves it before the cross-checks: lanes and events with their ids and times, and
// each reference as written. Every reference gets an offset of its own, so a test can tell which one a
// problem names.
class HandBuiltStory {
public:
    static std::size_t forkOffset(std::size_t lane) { return 1000 + lane * 10 + 1; }
    static std::size_t rejoinOffset(std::size_t lane) { return 1000 + lane * 10 + 2; }
    static std::size_t laneOffset(std::size_t event) { return 2000 + event * 10 + 1; }
    static std::size_t timeOffset(std::size_t event) { return 2000 + event * 10 + 2; }
    static std::size_t pairOffset(std::size_t pair) { return 3000 + pair * 10; }
    static std::size_t pairIdOffset(std::size_t pair, std::size_t end) { return 3000 + pair * 10 + 1 + end; }

    void lane(std::string_view id, std::string_view forksFrom = {}, std::string_view rejoinsAt = {}) {
        const auto index = static_cast<LaneIndex>(story.lanes.size());
        Lane& lane = story.lanes.emplace_back();
        lane.id = text_.add(id);
        LaneReferences& noted = references.lanes.emplace_back();
        noted.forkId = forksFrom.empty() ? std::string_view() : text_.add(forksFrom).view();
        noted.rejoinId = rejoinsAt.empty() ? std::string_view() : text_.add(rejoinsAt).view();
        noted.forkOffset = forkOffset(static_cast<std::size_t>(index));
        noted.rejoinOffset = rejoinOffset(static_cast<std::size_t>(index));
        references.laneIds.insert(lane.id, index);
    }

    // `resolvedWhileReading`: the reader found the lane already (it was listed before the event).
    void event(std::string_view id, std::string_view lane, double time, bool resolvedWhileReading = false) {
        const auto index = static_cast<EventIndex>(story.events.size());
        Event& event = story.events.emplace_back();
        event.id = text_.add(id);
        event.time = time;
        EventReferences& noted = references.events.emplace_back();
        noted.laneId = text_.add(lane).view();
        if (resolvedWhileReading) noted.lane = references.laneIds.find(lane);
        noted.hasTime = true;
        noted.laneOffset = laneOffset(static_cast<std::size_t>(index));
        noted.timeOffset = timeOffset(static_cast<std::size_t>(index));
        references.eventIds.insert(event.id, index);
    }

    void pair(std::string_view a, std::string_view b) {
        const std::size_t index = references.pairs.size();
        PairReferences& noted = references.pairs.emplace_back();
        noted.offset = pairOffset(index);
        noted.ids = {text_.add(a).view(), text_.add(b).view()};
        noted.idOffsets = {pairIdOffset(index, 0), pairIdOffset(index, 1)};
    }

    void malformedPair() { references.pairs.emplace_back().offset = PairReferences::kMalformed; }

    std::vector<StoryProblem> check(std::size_t maxProblems = 100) {
        return crossCheckStory(story, references, maxProblems);
    }

    const Event& eventNamed(std::string_view id) const {
        return story.events[static_cast<std::size_t>(story.findEvent(id))];
    }

    Story story;
    StoryReferences references;

private:
    StoryTextBuilder text_;
};

// Two lanes: "alt" forks from "main" at "meet" (time 1) and rejoins it at "end" (time 18).
HandBuiltStory twoLives(double firstAltTime = 3, double lastAltTime = 12, std::string_view rejoin = "end") {
    HandBuiltStory built;
    built.lane("alt", "meet", rejoin);
    built.lane("main");
    built.event("meet", "main", 1, true);
    built.event("kiss", "alt", firstAltTime);
    built.event("paris", "alt", lastAltTime);
    built.event("apart", "main", 12, true);
    built.event("end", "main", 18, true);
    return built;
}

void checkOneProblem(const std::vector<StoryProblem>& problems, StoryErrorKind kind, std::size_t offset,
                     const std::string& message) {
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].kind == kind);
    CHECK(problems[0].offset == offset);
    CHECK(problems[0].message == message);
}

}  // namespace

TEST_CASE("cross-checks: a sound story is linked and its derived fields filled") {
    HandBuiltStory built = twoLives();
    built.pair("meet", "kiss");
    const auto problems = built.check();
    CHECK(problems.empty());
    const Story& story = built.story;
    const Lane& alt = story.lanes[0];
    CHECK(alt.forkEvent == story.findEvent("meet"));
    CHECK(alt.rejoinEvent == story.findEvent("end"));
    CHECK(alt.events == std::vector<EventIndex>{1, 2});
    CHECK(story.lanes[1].events == std::vector<EventIndex>{0, 3, 4});
    CHECK(story.events[1].lane == 0);  // resolved by the checks: the reader had not found it
    CHECK(built.eventNamed("meet").isFork);
    CHECK(built.eventNamed("end").isRejoin);
    CHECK(built.eventNamed("meet").counterparts == std::vector<EventIndex>{1});
    CHECK(built.eventNamed("kiss").counterparts == std::vector<EventIndex>{0});
    CHECK(story.timeOrder == std::vector<EventIndex>{0, 1, 2, 3, 4});  // ties (paris, apart at 12) in file order
    CHECK(story.startTime == 1);
    CHECK(story.endTime == 18);
    CHECK(story.parentLane(0) == 1);
}

TEST_CASE("cross-checks: a fork after its lane's first event") {
    HandBuiltStory built = twoLives(0.5);
    checkOneProblem(built.check(), StoryErrorKind::ForkOrder, HandBuiltStory::forkOffset(0),
                    "lane \"alt\": forks from \"meet\" at time 1, after its first event \"kiss\" at time 0.5");
}

TEST_CASE("cross-checks: a rejoin before its lane's last event, or not after the fork") {
    HandBuiltStory late = twoLives(3, 19);
    checkOneProblem(late.check(), StoryErrorKind::ForkOrder, HandBuiltStory::rejoinOffset(0),
                    "lane \"alt\": rejoins at \"end\" at time 18, before its last event \"paris\" at time 19");
    HandBuiltStory atFork = twoLives(3, 12, "meet");
    checkOneProblem(atFork.check(), StoryErrorKind::ForkOrder, HandBuiltStory::rejoinOffset(0),
                    "lane \"alt\": rejoins at \"meet\" (time 1), not after it forks at \"meet\" (time 1)");
}

TEST_CASE("cross-checks: a rejoin must be in the lane forked from, and needs a fork") {
    HandBuiltStory elsewhere = twoLives(3, 12, "kiss");
    checkOneProblem(elsewhere.check(), StoryErrorKind::InvalidValue, HandBuiltStory::rejoinOffset(0),
                    "lane \"alt\": rejoins at \"kiss\", which is not in the lane it forks from");
    HandBuiltStory noFork;
    noFork.lane("alt", "", "end");
    noFork.lane("main");
    noFork.event("end", "main", 18);
    checkOneProblem(noFork.check(), StoryErrorKind::InvalidValue, HandBuiltStory::rejoinOffset(0),
                    "lane \"alt\": rejoins_at needs forks_from: a lane can only rejoin the lane it forked from");
    CHECK(noFork.story.lanes[0].rejoinEvent == kNone);
}

TEST_CASE("cross-checks: a fork from the lane itself, or from a lane descending from it") {
    HandBuiltStory own;
    own.lane("main", "meet");
    own.event("meet", "main", 1);
    checkOneProblem(own.check(), StoryErrorKind::InvalidValue, HandBuiltStory::forkOffset(0),
                    "lane \"main\": forks_from names \"meet\", an event of this same lane");

    HandBuiltStory cycle;
    cycle.lane("a", "b1");
    cycle.lane("b", "a1");
    cycle.event("a1", "a", 5);
    cycle.event("b1", "b", 5);
    const auto problems = cycle.check();
    REQUIRE(problems.size() == 1);  // breaking the first lane's fork ends the cycle
    CHECK(problems[0].kind == StoryErrorKind::InvalidValue);
    CHECK(problems[0].offset == HandBuiltStory::forkOffset(0));
    CHECK(problems[0].message == "lane \"a\": forks from a lane that forks from it in turn");
    CHECK(cycle.story.lanes[0].forkEvent == kNone);
}

TEST_CASE("cross-checks: events out of time order within a lane") {
    HandBuiltStory built;
    built.lane("main");
    built.event("meet", "main", 5);
    built.event("apart", "main", 3);
    built.event("end", "main", 4);  // after "apart", the event listed just before it: in order
    checkOneProblem(built.check(), StoryErrorKind::EventOrder, HandBuiltStory::timeOffset(1),
                    "event \"apart\": at time 3, before \"meet\" (time 5) listed earlier in lane \"main\"");
}

TEST_CASE("cross-checks: unknown references: an event's lane, a fork event, a pair's event") {
    HandBuiltStory built;
    built.lane("alt", "mete");
    built.lane("main");
    built.event("meet", "main", 1);
    built.event("kiss", "dreem", 3);
    built.pair("meet", "pariss");
    const auto problems = built.check();
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].kind == StoryErrorKind::UnknownReference);
    CHECK(problems[0].offset == HandBuiltStory::laneOffset(1));
    CHECK(problems[0].message == "event \"kiss\": unknown lane \"dreem\"");
    CHECK(problems[1].offset == HandBuiltStory::forkOffset(0));
    CHECK(problems[1].message == "lane \"alt\": forks_from names unknown event \"mete\"");
    CHECK(problems[2].offset == HandBuiltStory::pairIdOffset(0, 1));
    CHECK(problems[2].message == "pairs[0]: unknown event \"pariss\"");
    CHECK(built.story.events[1].lane == kNone);
}

TEST_CASE("cross-checks: a pair within one lane; a malformed pair keeps the next pair's index") {
    HandBuiltStory built = twoLives();
    built.malformedPair();
    built.pair("meet", "apart");
    checkOneProblem(built.check(), StoryErrorKind::InvalidValue, HandBuiltStory::pairOffset(1),
                    "pairs[1]: \"meet\" and \"apart\" are in the same lane; a pair joins the same moment in two lanes");
    CHECK(built.eventNamed("meet").counterparts.empty());
}

TEST_CASE("cross-checks: an event whose lane or time the reader could not read is skipped") {
    HandBuiltStory built;
    built.lane("main");
    built.event("meet", "main", 5);
    built.event("apart", "main", 3);
    built.references.events[1].hasTime = false;  // its time was reported by the reader already
    built.event("lost", "main", 1);
    built.references.events[2].laneId = {};  // its lane was reported by the reader already
    CHECK(built.check().empty());
    CHECK(built.story.lanes[0].events == std::vector<EventIndex>{0});
}

TEST_CASE("cross-checks: at most the problems asked for, and the story is still linked") {
    HandBuiltStory built;
    built.lane("main");
    for (int i = 0; i < 10; ++i) built.event("e" + std::to_string(i), "main", 10 - i);
    CHECK(built.check(3).size() == 3);
    CHECK(built.story.lanes[0].events.size() == 10);
}
