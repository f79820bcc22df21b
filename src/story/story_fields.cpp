// Reading a story's fields (see story_fields.h): the hot part of the loader. Each item of the story's arrays
// is materialized into a small tree, its fields are read from there into the model, and what it says about
// references is noted for the cross-checks. Everything called per item, per event or per field is defined in
// this file or inline in a header (the materializer: story_json_tree.h), so that it compiles with the item
// loop; only the id table and the text builder (one call per id or string) are called across files.
//
// [SECTION] Error reporting and field access
// [SECTION] Reading the parts of a story
// [SECTION] The whole document
#include "story/story_fields.h"

#include "story/calendar_time.h"
#include "story/huge_pages.h"
#include "story/number_limits.h"
#include "story/story_checks.h"
#include "story/story_messages.h"
#include "story/text_position.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace epilogue {

namespace {

namespace od = simdjson::ondemand;

// ---------------------------------------------------------------------------------------------------
// [SECTION] Error reporting and field access
// ---------------------------------------------------------------------------------------------------

class StoryReader {
public:
    StoryReader(std::string_view text, std::shared_ptr<const TextBlock> source, const std::string& fileName,
                const StoryLoadOptions& options, std::vector<StoryError>& errors, bool& truncated, JsonProblem& problem)
        : text_(text), file_(fileName), options_(options), errors_(errors), truncated_(truncated), problem_(problem),
          strings_(source ? StoryTextBuilder(std::move(source), text.size()) : StoryTextBuilder(text.size() + 1)) {}

    // Reads the whole document. Returns false when the JSON itself is at fault (see JsonProblem).
    bool read(od::document& document, Story& story);

private:
    void report(StoryErrorKind kind, std::size_t offset, const std::string& message) {
        if (errors_.size() >= options_.maxErrors) {
            truncated_ = true;
            return;
        }
        const std::size_t resumeAt = std::max(offset, lastReportedOffset_) == offset ? lastReportedOffset_ : 0;
        // Line numbers count from the last reported position onward when errors come in file order: many
        // errors in a large file cost one scan of it, not one scan each.
        TextPosition position;
        if (resumeAt > 0 && offset >= resumeAt) {
            const TextPosition tail = textPositionOf(text_.substr(resumeAt), offset - resumeAt);
            position.line = lastPosition_.line + tail.line - 1;
            position.column = tail.line == 1 ? lastPosition_.column + tail.column - 1 : tail.column;
        } else {
            position = textPositionOf(text_, offset);
        }
        lastReportedOffset_ = offset;
        lastPosition_ = position;
        errors_.push_back({kind, file_, position.line, position.column, message});
        errorOffsets_.push_back(offset);
    }

    void checkKnownFields(const JsonNode& object, std::initializer_list<std::string_view> known, const Place& place) {
        for (std::size_t child : object.children) {
            const JsonNode& member = tree_[child];
            const bool isKnown =
                std::any_of(known.begin(), known.end(), [&](std::string_view name) { return sameKey(member.key, name); });
            if (!isKnown) {
                report(StoryErrorKind::UnknownField, member.keyOffset, place.str() + ": unknown field " + inQuotes(member.key));
            }
        }
    }

    const JsonNode* field(const JsonNode& object, std::string_view name, bool required, const Place& place) {
        const JsonNode* found = tree_.member(object, name);
        if (!found && required) {
            report(StoryErrorKind::MissingField, object.offset, place.str() + ": missing field " + inQuotes(name));
        }
        return found;
    }

    void wrongType(const JsonNode& value, std::string_view name, const Place& place, const char* expected) {
        report(StoryErrorKind::WrongType, value.offset,
               place.str() + ": field " + inQuotes(name) + " must be " + expected + ", not " + typeName(value.type));
    }

    // A string field as it is in the file (or the parser's buffer): valid while the story is read.
    bool readText(const JsonNode& object, std::string_view name, bool required, const Place& place, std::string_view& out,
                  std::size_t* offset = nullptr, std::size_t maxBytes = limits::kMaxTextBytes) {
        const JsonNode* value = field(object, name, required, place);
        if (!value) return !required;
        if (offset) *offset = value->offset;
        if (value->type != JsonType::String) {
            wrongType(*value, name, place, "a string");
            return false;
        }
        out = value->string;
        if (out.size() > maxBytes) {
            report(StoryErrorKind::InvalidValue, value->offset,
                   place.str() + ": field " + inQuotes(name) + " is " + std::to_string(out.size()) + " bytes long; at most " +
                       std::to_string(maxBytes) + " are shown");
            return false;
        }
        return true;
    }

    // A required string that must not be empty (ids, titles; with kMaxTextBytes, the words of a passage).
    bool readNameText(const JsonNode& object, std::string_view name, const Place& place, std::string_view& out,
                      std::size_t* offset = nullptr, std::size_t maxBytes = limits::kMaxNameBytes) {
        if (!readText(object, name, true, place, out, offset, maxBytes)) return false;
        if (out.empty()) {
            report(StoryErrorKind::InvalidValue, tree_.member(object, name)->offset,
                   place.str() + ": field " + inQuotes(name) + " must not be empty");
            return false;
        }
        return true;
    }

    // The same two, kept in the story's text.
    bool readString(const JsonNode& object, std::string_view name, bool required, const Place& place, StoryString& out,
                    std::size_t* offset = nullptr) {
        std::string_view text;
        if (!readText(object, name, required, place, text, offset)) return false;
        out = strings_.add(text);
        return true;
    }
    bool readName(const JsonNode& object, std::string_view name, const Place& place, StoryString& out,
                  std::size_t* offset = nullptr, std::size_t maxBytes = limits::kMaxNameBytes) {
        std::string_view text;
        if (!readNameText(object, name, place, text, offset, maxBytes)) return false;
        out = strings_.add(text);
        return true;
    }

    // A time: a number, or in a story in dates, ISO 8601 text (see calendar_time.h), read as seconds since
    // 1970 until the whole story is read (then moved to the story's own epoch day, see rebaseCalendarTimes).
    // The first time read decides which kind of time the story uses; a time of the other kind is an error.
    bool readTime(const JsonNode& object, std::string_view name, const Place& place, Story& story, double& out,
                  std::size_t* offset = nullptr, DatePrecision* precision = nullptr) {
        const JsonNode* value = field(object, name, true, place);
        if (!value) return false;
        if (offset) *offset = value->offset;
        if (value->type != JsonType::Number && value->type != JsonType::String) {
            wrongType(*value, name, place, "a number or a date (ISO 8601 text such as \"1942-06-04\")");
            return false;
        }
        const bool isDate = value->type == JsonType::String;
        if (timeKind_ == TimeKind::Unknown) {
            timeKind_ = isDate ? TimeKind::Dates : TimeKind::Numbers;
            firstTimeOffset_ = value->offset;
            story.calendar = isDate;
        } else if (isDate != (timeKind_ == TimeKind::Dates)) {
            const TextPosition first = textPositionOf(text_, firstTimeOffset_);
            report(StoryErrorKind::WrongType, value->offset,
                   place.str() + ": field " + inQuotes(name) + " is " + (isDate ? "a string" : "a number") +
                       ", but the story's first time (line " + std::to_string(first.line) + ", column " +
                       std::to_string(first.column) + ") is " + (isDate ? "a number" : "a date") +
                       "; one story uses one kind of time");
            return false;
        }
        if (isDate) {
            const ParsedDate date = parseIsoDate(value->string);
            if (!date.ok) {
                report(StoryErrorKind::InvalidValue, value->offset,
                       place.str() + ": field " + inQuotes(name) + ": " + inQuotes(value->string) + " " + date.problem);
                return false;
            }
            out = static_cast<double>(date.secondsSince1970);  // exact: well within a double's whole numbers
            if (precision) *precision = date.precision;
            return true;
        }
        out = value->number;
        if (!(std::abs(out) <= limits::kMaxStoryTime)) {  // also NaN and infinities
            report(StoryErrorKind::InvalidValue, value->offset,
                   place.str() + ": field " + inQuotes(name) + " " + checkStoryTime(out) + " (the limit on story times)");
            return false;
        }
        return true;
    }

    const JsonNode* readArray(const JsonNode& object, std::string_view name, bool required, const Place& place) {
        const JsonNode* value = field(object, name, required, place);
        if (!value) return nullptr;
        if (value->type != JsonType::Array) {
            wrongType(*value, name, place, "an array");
            return nullptr;
        }
        return value;
    }

    bool expectObject(const JsonNode& item, const Place& place) {
        if (item.type == JsonType::Object) return true;
        report(StoryErrorKind::WrongType, item.offset, place.str() + " must be an object, not " + typeName(item.type));
        return false;
    }

    // Streams the items of the array `value` (a top-level field): each is read into the tree and handed
    // to `onItem(item, index)`. False when the JSON is at fault.
    template <typename OnItem>
    bool forEachItem(od::value value, std::size_t offset, const char* name, bool required, OnItem&& onItem) {
        od::json_type type;
        if (value.type().get(type)) return materializer_.fail(offset);
        if (type != od::json_type::array) {
            tree_.clear();
            std::size_t index = 0;
            if (!materializer_.read(value, tree_, index, 1)) return false;  // in the story's object
            wrongType(tree_[index], name, Place(), "an array");
            return true;
        }
        od::array array;
        if (value.get_array().get(array)) return materializer_.fail(offset);
        std::size_t count = 0;
        for (auto itemResult : array) {
            od::value item;
            if (std::move(itemResult).get(item)) return materializer_.fail(offset);
            tree_.clear();
            std::size_t index = 0;
            if (!materializer_.read(item, tree_, index, 2)) return false;  // in an array of the story's object
            onItem(tree_[index], count++);
            // Past the most errors listed, nothing more is read: a file of millions of broken items would
            // otherwise cost time and memory for items whose errors are never shown.
            if (truncated_) {
                stopped_ = true;
                return true;
            }
        }
        if (count == 0 && required) report(StoryErrorKind::Empty, offset, std::string("story: has no ") + name);
        return true;
    }

    // -----------------------------------------------------------------------------------------------
    // [SECTION] Reading the parts of a story
    // -----------------------------------------------------------------------------------------------

    void readSource(const JsonNode& source, Story& story) {
        if (source.type != JsonType::Object) {
            wrongType(source, "source", Place(), "an object");
            return;
        }
        Place place;
        place.what = "source";
        checkKnownFields(source, {"title", "publisher", "url"}, place);
        readName(source, "title", place, story.source.title);
        readString(source, "publisher", false, place, story.source.publisher);
        readString(source, "url", false, place, story.source.url);
    }

    void readEra(const JsonNode& item, std::size_t index, Story& story) {
        const Place place = Place::item("eras", index);
        if (!expectObject(item, place)) return;
        checkKnownFields(item, {"name", "start", "end"}, place);
        Era era;
        std::string_view name;
        std::size_t startOffset = 0, endOffset = 0;
        bool good = readNameText(item, "name", place, name);
        good = readTime(item, "start", place, story, era.start, &startOffset) && good;
        good = readTime(item, "end", place, story, era.end, &endOffset) && good;
        if (!good) return;
        const std::string named = "era " + inQuotes(name);
        if (era.end <= era.start) {
            report(StoryErrorKind::InvalidValue, endOffset,
                   named + ": ends at " + formatTime(story, era.end) + ", not after its start " +
                       formatTime(story, era.start));
            return;
        }
        if (!story.eras.empty() && era.start < story.eras.back().end) {
            report(StoryErrorKind::EventOrder, startOffset,
                   named + ": starts at " + formatTime(story, era.start) + ", before the previous era " +
                       inQuotes(story.eras.back().name) + " ends at " + formatTime(story, story.eras.back().end));
            return;
        }
        era.name = strings_.add(name);
        story.eras.push_back(era);
        eraOffsets_.emplace_back(startOffset, endOffset);
    }

    void readLane(const JsonNode& item, std::size_t index, Story& story) {
        Place place = Place::item("lanes", index);
        Lane lane;
        LaneReferences references;
        references.idOffset = item.offset;
        if (expectObject(item, place)) {
            checkKnownFields(item, {"id", "title", "kind", "forks_from", "rejoins_at"}, place);
            if (readName(item, "id", place, lane.id, &references.idOffset)) place.name("lane", lane.id);
            readName(item, "title", place, lane.title);
            std::string_view kind = "real";
            std::size_t kindOffset = 0;
            if (readText(item, "kind", false, place, kind, &kindOffset)) {
                if (kind == "dream") {
                    lane.kind = LaneKind::Dream;
                } else if (kind != "real") {
                    report(StoryErrorKind::InvalidValue, kindOffset,
                           place.str() + ": kind " + inQuotes(kind) + " is not \"real\" or \"dream\"");
                }
            }
            readText(item, "forks_from", false, place, references.forkId, &references.forkOffset);
            readText(item, "rejoins_at", false, place, references.rejoinId, &references.rejoinOffset);
            const auto laneIndex = static_cast<LaneIndex>(story.lanes.size());
            if (!lane.id.empty() && references_.laneIds.insert(lane.id, laneIndex) != laneIndex) {
                report(StoryErrorKind::DuplicateId, references.idOffset, place.str() + ": the id is used by another lane");
            }
        }
        references_.lanes.push_back(references);
        story.lanes.push_back(std::move(lane));
    }

    // The passages an event quotes: its quotes and its commentary, each an array of objects of two required,
    // non-empty strings (`first` and `second`, read into the members of the same names' pointers).
    template <typename Passage>
    void readPassages(const JsonNode& item, const char* arrayName, const Place& place, std::vector<Passage>& out,
                      const char* firstName, StoryString Passage::*first, const char* secondName,
                      StoryString Passage::*second) {
        const JsonNode* passages = readArray(item, arrayName, false, place);
        if (!passages) return;
        out.reserve(passages->children.size());
        for (std::size_t i = 0; i < passages->children.size(); ++i) {
            const Place passagePlace = place.inside(arrayName, i);
            const JsonNode& node = tree_.item(*passages, i);
            if (!expectObject(node, passagePlace)) continue;
            checkKnownFields(node, {firstName, secondName}, passagePlace);
            Passage passage;
            // Quotes: the speaker is a name, the words a text; commentary: the text, then the attribution, a name.
            const bool wordsFirst = std::string_view(firstName) == "text";
            bool good = readName(node, firstName, passagePlace, passage.*first, nullptr,
                                 wordsFirst ? limits::kMaxTextBytes : limits::kMaxNameBytes);
            good = readName(node, secondName, passagePlace, passage.*second, nullptr,
                            wordsFirst ? limits::kMaxNameBytes : limits::kMaxTextBytes) &&
                   good;
            if (good) out.push_back(passage);
        }
    }

    void readEvent(const JsonNode& item, std::size_t index, Story& story) {
        Place place = Place::item("events", index);
        Event& event = story.events.emplace_back();
        EventReferences& references = references_.events.emplace_back();
        references.idOffset = references.laneOffset = references.timeOffset = item.offset;
        if (!expectObject(item, place)) return;
        checkKnownFields(item, {"id", "lane", "time", "title", "summary", "quotes", "commentary"}, place);
        std::uint32_t idHash = 0;
        if (readName(item, "id", place, event.id, &references.idOffset)) {
            place.name("event", event.id);
            idHash = IdTable::hashOf(event.id);
            // Inserted below, once the rest of the event is read: the slot's cache miss overlaps that reading.
            references_.eventIds.prefetch(idHash);
        }
        if (readNameText(item, "lane", place, references.laneId, &references.laneOffset)) {
            // Resolved now, while the event's text is in cache: the cross-checks then look up only the
            // lanes that are listed after their events.
            references.lane = references_.laneIds.find(references.laneId);
        }
        references.hasTime =
            readTime(item, "time", place, story, event.time, &references.timeOffset, &event.datePrecision);
        readName(item, "title", place, event.title);
        readString(item, "summary", false, place, event.summary);
        readPassages(item, "quotes", place, event.quotes, "speaker", &Quote::speaker, "words", &Quote::words);
        readPassages(item, "commentary", place, event.commentary, "text", &Commentary::text, "attribution",
                     &Commentary::attribution);
        const auto eventIndex = static_cast<EventIndex>(index);
        if (!event.id.empty() && references_.eventIds.insert(event.id, idHash, eventIndex) != eventIndex) {
            report(StoryErrorKind::DuplicateId, references.idOffset, place.str() + ": the id is used by another event");
        }
    }

    void readPair(const JsonNode& pair, std::size_t index) {
        if (pair.type != JsonType::Array || pair.children.size() != 2 || tree_.item(pair, 0).type != JsonType::String ||
            tree_.item(pair, 1).type != JsonType::String) {
            report(StoryErrorKind::WrongType, pair.offset, Place::item("pairs", index).str() + " must be an array of two event ids");
            references_.pairs.push_back({});  // keeps the indices of later pairs
            references_.pairs.back().offset = PairReferences::kMalformed;
            return;
        }
        PairReferences references;
        references.offset = pair.offset;
        for (std::size_t k = 0; k < 2; ++k) {
            references.ids[k] = tree_.item(pair, k).string;
            references.idOffsets[k] = tree_.item(pair, k).offset;
        }
        references_.pairs.push_back(references);
    }

    // A stop of the file's tour: an event (resolved once every event is read), or a stretch of story time
    // with a caption of its own.
    void readTourStop(const JsonNode& item, std::size_t index, Story& story) {
        const Place place = Place::item("tour", index);
        if (index >= limits::kMaxTourStops) {
            if (index == limits::kMaxTourStops) {
                report(StoryErrorKind::InvalidValue, item.offset,
                       "story: the tour has more than " + std::to_string(limits::kMaxTourStops) + " stops, the most it may have");
            }
            return;
        }
        if (!expectObject(item, place)) return;
        checkKnownFields(item, {"event", "from", "to", "caption", "attribution", "seconds"}, place);
        TourStopSource stop;
        const bool hasEvent = tree_.member(item, "event") != nullptr;
        const bool hasStretch = tree_.member(item, "from") != nullptr || tree_.member(item, "to") != nullptr;
        bool good = true;
        if (hasEvent && hasStretch) {
            report(StoryErrorKind::InvalidValue, item.offset,
                   place.str() + ": a stop is an event or a stretch of time (\"from\" and \"to\"), not both");
            return;
        }
        if (!hasEvent && !hasStretch) {
            report(StoryErrorKind::MissingField, item.offset,
                   place.str() + ": missing field \"event\" (or \"from\" and \"to\" for a stretch of time)");
            return;
        }
        TourReference reference;
        if (hasEvent) {
            std::string_view id;
            std::size_t offset = 0;
            good = readNameText(item, "event", place, id, &offset);
            if (good) reference = {id, offset, story.tour.size(), index};
        } else {
            std::size_t toOffset = 0;
            good = readTime(item, "from", place, story, stop.from) && good;
            good = readTime(item, "to", place, story, stop.to, &toOffset) && good;
            if (good && stop.to <= stop.from) {
                report(StoryErrorKind::InvalidValue, toOffset,
                       place.str() + ": ends at " + formatTime(story, stop.to) + ", not after its start " +
                           formatTime(story, stop.from));
                good = false;
            }
            if (!tree_.member(item, "caption")) {
                report(StoryErrorKind::MissingField, item.offset,
                       place.str() + ": missing field \"caption\" (a stretch of time has no words of its own)");
                good = false;
            }
        }
        good = readString(item, "caption", false, place, stop.caption) && good;
        good = readString(item, "attribution", false, place, stop.attribution) && good;
        if (const JsonNode* seconds = tree_.member(item, "seconds")) {
            if (seconds->type != JsonType::Number) {
                wrongType(*seconds, "seconds", place, "a number");
                good = false;
            } else if (!(seconds->number > 0 && seconds->number <= limits::kMaxTourStopSeconds)) {
                report(StoryErrorKind::InvalidValue, seconds->offset,
                       place.str() + ": field \"seconds\" must be more than 0 and at most " +
                           formatTime(limits::kMaxTourStopSeconds));
                good = false;
            } else {
                stop.seconds = seconds->number;
            }
        }
        if (!good) return;
        if (hasEvent) {
            tourReferences_.push_back(reference);
        } else {
            tourStretches_.push_back({item.offset, story.tour.size(), index});
        }
        story.tour.push_back(stop);
    }

    // The tour's events, by id, once every event is read; and its stretches, which must lie in the story.
    void resolveTourEvents(Story& story) {
        for (const TourStretch& stretch : tourStretches_) {
            const TourStopSource& stop = story.tour[stretch.stop];
            const std::string place = Place::item("tour", stretch.item).str();
            if (stop.to < story.startTime || stop.from > story.endTime) {
                report(StoryErrorKind::InvalidValue, stretch.offset,
                       place + ": the stretch from " + formatTime(story, stop.from) + " to " + formatTime(story, stop.to) +
                           " lies outside the story (" + formatTime(story, story.startTime) + " to " +
                           formatTime(story, story.endTime) + ")");
            }
        }
        for (const TourReference& reference : tourReferences_) {
            const EventIndex event = references_.eventIds.find(reference.eventId);
            if (event == kNone) {
                report(StoryErrorKind::UnknownReference, reference.offset,
                       Place::item("tour", reference.item).str() + ": unknown event " + inQuotes(reference.eventId));
                continue;
            }
            TourStopSource& stop = story.tour[reference.stop];
            stop.event = event;
            stop.from = stop.to = story.events[static_cast<std::size_t>(event)].time;
        }
    }

    // A tour's stretches must be long enough to tell their ends apart, as the story's times must: checked once
    // a story in dates counts from its own epoch day (see rebaseCalendarTimes), as the story's span is.
    void checkTourStretchSpans(const Story& story) {
        for (const TourStretch& stretch : tourStretches_) {
            const TourStopSource& stop = story.tour[stretch.stop];
            if (const std::string problem = checkStorySpan(stop.from, stop.to); !problem.empty()) {
                report(StoryErrorKind::InvalidValue, stretch.offset,
                       Place::item("tour", stretch.item).str() + ": a stretch too short to tell its ends apart: " + problem);
            }
        }
    }

    // A story's times must all be equal, or spread far enough to be told apart (see number_limits.h).
    // Checked once everything else is right, and reported at the time farthest from 0.
    void checkSpan(const Story& story) {
        const std::string problem = checkStorySpan(story.startTime, story.endTime);
        if (problem.empty()) return;
        const double farthest = std::abs(story.startTime) > std::abs(story.endTime) ? story.startTime : story.endTime;
        std::size_t offset = 0;
        for (std::size_t i = story.eras.size(); i-- > 0;) {
            if (story.eras[i].start == farthest) offset = eraOffsets_[i].first;
            if (story.eras[i].end == farthest) offset = eraOffsets_[i].second;
        }
        for (std::size_t i = story.events.size(); i-- > 0;) {  // an event's time rather than an era's
            if (story.events[i].time == farthest) offset = references_.events[i].timeOffset;
        }
        report(StoryErrorKind::InvalidValue, offset, "story: " + problem);
    }

    // A story in dates counts its times from 00:00 of the day of its earliest time, not from 1970: the times
    // were read as whole seconds since 1970, so the move is exact (see calendar_time.h).
    static void rebaseCalendarTimes(Story& story) {
        if (!story.calendar) return;
        const auto earliest = static_cast<std::int64_t>(story.startTime);
        std::int64_t epochDay = earliest / calendar::kSecondsPerDay;
        if (earliest % calendar::kSecondsPerDay < 0) --epochDay;
        const double shift = static_cast<double>(epochDay * calendar::kSecondsPerDay);
        story.epochDay = epochDay;
        for (Event& event : story.events) event.time -= shift;
        for (Lane& lane : story.lanes) {
            for (double& time : lane.times) time -= shift;
        }
        for (Era& era : story.eras) {
            era.start -= shift;
            era.end -= shift;
        }
        story.startTime -= shift;
        story.endTime -= shift;
        for (TourStopSource& stop : story.tour) {
            stop.from -= shift;
            stop.to -= shift;
        }
    }

    // Puts the errors in file order (cross-checks find some after later items were read).
    void sortErrors() {
        std::vector<std::size_t> order(errors_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return errorOffsets_[a] < errorOffsets_[b]; });
        std::vector<StoryError> sorted;
        sorted.reserve(errors_.size());
        for (std::size_t index : order) sorted.push_back(std::move(errors_[index]));
        errors_ = std::move(sorted);
    }

    std::string_view text_;
    const std::string& file_;
    const StoryLoadOptions& options_;
    std::vector<StoryError>& errors_;
    bool& truncated_;
    bool stopped_ = false;  // past the most errors listed: the rest of the file is not read
    std::vector<std::size_t> errorOffsets_;  // parallel to errors_, for putting them in file order
    std::size_t lastReportedOffset_ = 0;
    TextPosition lastPosition_;
    JsonProblem& problem_;
    JsonMaterializer materializer_{text_.data(), problem_};
    JsonTree tree_;
    std::vector<std::pair<std::size_t, std::size_t>> eraOffsets_;  // of each era's start and end, for the span check
    struct TourReference {
        std::string_view eventId;
        std::size_t offset = 0;
        std::size_t stop = 0;  // index into Story::tour
        std::size_t item = 0;  // index into the file's "tour"
    };
    std::vector<TourReference> tourReferences_;
    struct TourStretch {
        std::size_t offset = 0;  // of the stop's object
        std::size_t stop = 0, item = 0;
    };
    std::vector<TourStretch> tourStretches_;
    // The kind of time the story uses, decided by the first time read, and where that time is.
    enum class TimeKind { Unknown, Numbers, Dates };
    TimeKind timeKind_ = TimeKind::Unknown;
    std::size_t firstTimeOffset_ = 0;
    // Views into the file's buffer; or, without one, copies into one block, never a second (the story's
    // strings fit in the text they are read from).
    StoryTextBuilder strings_;
    // Ids view the story's text or the file. The event id table starts at a size that spares most stories
    // its regrowth (it still grows when a story is dense).
    StoryReferences references_{text_.size() / 1024 + 16};

};

// ---------------------------------------------------------------------------------------------------
// [SECTION] The whole document
// ---------------------------------------------------------------------------------------------------

bool StoryReader::read(od::document& document, Story& story) {
    od::json_type rootType;
    if (document.type().get(rootType)) return materializer_.fail(0);
    if (rootType != od::json_type::object) {
        const JsonType type = rootType == od::json_type::array    ? JsonType::Array
                              : rootType == od::json_type::string  ? JsonType::String
                              : rootType == od::json_type::number  ? JsonType::Number
                              : rootType == od::json_type::boolean ? JsonType::Boolean
                                                                   : JsonType::Null;
        report(StoryErrorKind::WrongType, 0, std::string("the story must be a JSON object, not ") + typeName(type));
        return true;
    }
    od::object root;
    if (document.get_object().get(root)) return materializer_.fail(0);
    // Room for as many events as a valid file could hold (an event takes at least ~40 bytes of JSON), so
    // these vectors do not regrow while reading; untouched room costs address space, not memory. Up to 4
    // million events (about 600 MB of room; past that the vectors grow as they fill), so that a large file
    // never asks for more address space than a machine without overcommit could give.
    constexpr std::size_t kMostReservedEvents = std::size_t{1} << 22;
    const std::size_t mostEvents = std::min(text_.size() / 40 + 16, kMostReservedEvents);
    story.events.reserve(mostEvents);
    references_.events.reserve(mostEvents);
    // Huge pages for the two largest arrays: far fewer page faults while they are filled (see huge_pages.h).
    adviseHugePages(story.events.data(), story.events.capacity() * sizeof(Event));
    adviseHugePages(references_.events.data(), references_.events.capacity() * sizeof(EventReferences));

    // The small fields are gathered into one tree; the arrays are streamed item by item.
    JsonTree small;
    const std::size_t rootNode = small.add();
    small[rootNode].type = JsonType::Object;
    const std::size_t rootOffset = static_cast<std::size_t>(text_.find('{'));
    small[rootNode].offset = rootOffset;
    std::array<bool, 5> arraySeen{};  // eras, lanes, events, pairs, tour
    const char* const arrays[] = {"eras", "lanes", "events", "pairs", "tour"};
    std::vector<std::pair<std::string, std::size_t>> unknown;
    for (auto fieldResult : root) {
        od::field field;
        if (std::move(fieldResult).get(field)) return materializer_.fail(rootOffset);
        const std::size_t keyOffset = static_cast<std::size_t>(field.key().raw() - text_.data()) - 1;
        std::string_view key;
        if (field.unescaped_key().get(key)) return materializer_.fail(keyOffset);
        const std::size_t valueOffset = static_cast<std::size_t>(field.value().raw_json_token().data() - text_.data());
        bool duplicate = small.member(small[rootNode], key) != nullptr;
        for (std::size_t a = 0; a < arraySeen.size(); ++a) duplicate = duplicate || (arraySeen[a] && key == arrays[a]);
        if (duplicate) {
            problem_ = {true, keyOffset, "duplicate key " + inQuotes(key)};
            return false;
        }
        bool streamed = false;
        for (std::size_t a = 0; a < arraySeen.size() && !streamed; ++a) {
            if (key != arrays[a]) continue;
            streamed = true;
            arraySeen[a] = true;
            bool ok = true;
            switch (a) {
                case 0: ok = forEachItem(field.value(), valueOffset, "eras", false,
                                         [&](const JsonNode& item, std::size_t i) { readEra(item, i, story); });
                    break;
                case 1: ok = forEachItem(field.value(), valueOffset, "lanes", true,
                                         [&](const JsonNode& item, std::size_t i) { readLane(item, i, story); });
                    break;
                case 2: ok = forEachItem(field.value(), valueOffset, "events", true,
                                         [&](const JsonNode& item, std::size_t i) { readEvent(item, i, story); });
                    break;
                case 3: ok = forEachItem(field.value(), valueOffset, "pairs", false,
                                         [&](const JsonNode& item, std::size_t i) { readPair(item, i); });
                    break;
                case 4: ok = forEachItem(field.value(), valueOffset, "tour", false,
                                         [&](const JsonNode& item, std::size_t i) { readTourStop(item, i, story); });
                    break;
            }
            if (!ok) return false;
            if (stopped_) break;
        }
        if (stopped_) break;
        if (streamed) continue;
        JsonMaterializer smallReader(text_.data(), problem_);
        std::size_t child = 0;
        if (!smallReader.read(field.value(), small, child, 1)) return false;
        small[child].key = key;
        small[child].keyOffset = keyOffset;
        small[rootNode].children.push_back(child);
        if (key != "format" && key != "title" && key != "source" && key != "time_unit" && key != "$schema") {
            unknown.emplace_back(std::string(key), keyOffset);
        }
    }
    if (stopped_) {  // the errors listed are all there is to say: the rest of the file is not read
        story.text = strings_.finish();
        sortErrors();
        return true;
    }
    // Nothing but white space may follow the story's object.
    const char* rest = nullptr;
    if (!document.current_location().get(rest)) {
        const auto restOffset = static_cast<std::size_t>(rest - text_.data());
        if (text_.find_first_not_of(" \t\r\n", restOffset) != std::string_view::npos) return materializer_.fail(restOffset);
    }

    for (const auto& [key, offset] : unknown) report(StoryErrorKind::UnknownField, offset, "story: unknown field " + inQuotes(key));
    std::swap(tree_, small);  // the field helpers read from tree_
    const JsonNode& rootObject = tree_[rootNode];
    std::string_view format;
    std::size_t formatOffset = 0;
    if (readText(rootObject, "format", true, Place(), format, &formatOffset) && format != "epilogue-story/1") {
        report(StoryErrorKind::InvalidValue, formatOffset, "story: format " + inQuotes(format) + " is not \"epilogue-story/1\"");
    }
    readName(rootObject, "title", Place(), story.title);
    if (const JsonNode* source = tree_.member(rootObject, "source")) readSource(*source, story);
    std::string_view unit;
    if (readText(rootObject, "time_unit", false, Place(), unit, nullptr, limits::kMaxTimeUnitBytes)) {
        story.timeUnit = strings_.add(unit);
    }
    // The JSON Schema an editor checks the file against (assets/stories/epilogue-story.schema.json): any
    // string; the loader does not follow it.
    std::string_view schema;
    readText(rootObject, "$schema", false, Place(), schema);
    if (!arraySeen[1]) report(StoryErrorKind::MissingField, rootOffset, "story: missing field \"lanes\"");
    if (!arraySeen[2]) report(StoryErrorKind::MissingField, rootOffset, "story: missing field \"events\"");

    // One problem more than there is room for, so that report() knows when some were left out.
    const std::size_t room = options_.maxErrors - std::min(errors_.size(), options_.maxErrors);
    for (const StoryProblem& found : crossCheckStory(story, references_, room + 1)) report(found.kind, found.offset, found.message);
    resolveTourEvents(story);
    rebaseCalendarTimes(story);
    if (errors_.empty()) checkSpan(story);
    if (errors_.empty()) checkTourStretchSpans(story);
    story.text = strings_.finish();
    sortErrors();
    return true;
}

}  // namespace

bool readStoryFields(od::document& document, std::string_view text, std::shared_ptr<const TextBlock> source,
                     const std::string& fileName, const StoryLoadOptions& options, Story& story,
                     std::vector<StoryError>& errors, bool& truncated, JsonProblem& problem) {
    StoryReader reader(text, std::move(source), fileName, options, errors, truncated, problem);
    return reader.read(document, story);
}

}  // namespace epilogue
