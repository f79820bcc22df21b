// Planning one frame: the screen's regions, the layout, the playhead, and the canvas text placed so that
// nothing overlaps.
#include "timeline/frame_plan.h"

#include "story/text_position.h"


#include <algorithm>
#include <array>
#include <cmath>

namespace epilogue {

ScreenLayout screenLayout(float logicalWidth, float logicalHeight, bool showPanels) {
    ScreenLayout layout;
    // Below this size the panels would be slivers: the canvas alone is shown.
    if (!showPanels || logicalWidth < 420 || logicalHeight < 300) {
        layout.canvas = {0, 0, logicalWidth, logicalHeight};
        return layout;
    }
    // The bottom third holds the commentary and the events list, the transport bar sits above them.
    const float transportHeight = 40;
    const float bottomHeight =
        std::clamp(std::round(logicalHeight * 0.34f), std::min(150.0f, logicalHeight * 0.4f), 340.0f);
    const float canvasHeight = std::max(0.0f, logicalHeight - bottomHeight - transportHeight);
    const float eventsWidth = std::clamp(std::round(logicalWidth * 0.26f), std::min(200.0f, logicalWidth * 0.4f), 380.0f);
    layout.canvas = {0, 0, logicalWidth, canvasHeight};
    layout.transport = {0, canvasHeight, logicalWidth, transportHeight};
    layout.commentary = {0, canvasHeight + transportHeight, logicalWidth - eventsWidth, bottomHeight};
    layout.events = {logicalWidth - eventsWidth, canvasHeight + transportHeight, eventsWidth, bottomHeight};
    layout.storyMenu = {logicalWidth - 12 - 96, 10, 96, 30};
    return layout;
}

ScreenLayout presentationLayout(float logicalWidth, float logicalHeight) {
    ScreenLayout layout;
    // Over a third of the height for the words: five lines of caption type, its attribution and the dots.
    const float band = std::round(logicalHeight * 0.37f);
    layout.canvas = {0, 0, logicalWidth, logicalHeight - band};
    layout.caption = {0, logicalHeight - band, logicalWidth, band};
    return layout;
}

bool showsTitleBlock(const Rect& canvas) { return canvas.height >= 260 && canvas.width >= 560; }

const EventMark* FramePlan::markOf(EventIndex event) const {
    for (const EventMark& mark : layout.events) {
        if (mark.event == event) return &mark;
    }
    return nullptr;
}

const FramePlan& FramePlanner::plan(const Story& story, const ViewState& state, const FrameRequest& request,
                                    const TextMeasurer& measurer) {
    FramePlan& plan = plan_;
    plan.size = request.size;
    plan.panels = request.panels;
    plan.animationTime = request.animationTime;
    const bool presenting = state.tour.active && !state.tour.tour.stops.empty();
    plan.screen = presenting ? presentationLayout(request.size.logicalWidth, request.size.logicalHeight)
                             : screenLayout(request.size.logicalWidth, request.size.logicalHeight, request.panels);
    if (presenting) plan.panels = false;
    plan.view = state.view;
    plan.view.canvas = plan.screen.canvas;
    const Rect& canvas = plan.view.canvas;

    // On tour the first stop's caption is the title: the canvas does not repeat it.
    plan.title.shown = !presenting && showsTitleBlock(canvas);
    LayoutStyle style = style_;
    style.topInset = plan.title.shown ? style_.titleBlockHeight : 0.0f;
    layoutTimeline(story, plan.view, style, plan.layout);

    planLanes();

    PlayheadPlan& playhead = plan.playhead;
    playhead.time = state.playheadTime;
    playhead.x = plan.view.timeToX(state.playheadTime);
    playhead.top = canvas.y + canvas.height * style_.playheadTopShare;
    playhead.bottom = plan.layout.ruler.bottom();
    // The glow reaches about 20 pixels to each side: a playhead just off the canvas still lights its edge.
    playhead.drawn = playhead.x >= canvas.x - 20 && playhead.x <= canvas.right() + 20;
    playhead.onCanvas = playhead.x >= canvas.x && playhead.x <= canvas.right();

    // Text: the title block and the lane headers first, as the event labels keep clear of them.
    obstacles_.clear();
    obstacles_.push_back(plan.layout.ruler);
    if (plan.screen.storyMenu.width > 0) obstacles_.push_back(plan.screen.storyMenu);
    planTitle(story, measurer);
    planSearch(story, state, measurer);
    // The ribbons themselves carry no text: a box every 10 pixels along each curve is close enough.
    for (const LaneCurve& curve : plan.layout.lanes) {
        if (!plan.laneDrawn[static_cast<std::size_t>(curve.lane)]) continue;
        glm::vec2 last(-1e9f, -1e9f);
        for (const glm::vec2& p : curve.points) {
            if (std::abs(p.x - last.x) + std::abs(p.y - last.y) < 10) continue;
            obstacles_.push_back({p.x - 8, p.y - 7, 16, 14});
            last = p;
        }
    }
    planLaneHeaders(story, measurer);
    planEventLabels(story, state, measurer);
    planEraLabels(story, measurer);
    planRuler(story, state, measurer);
    planTour(state, measurer);
    return plan;
}

void FramePlanner::planLanes() {
    const std::vector<float>& rows = plan_.layout.laneRowY;
    plan_.laneDrawn.assign(rows.size(), 0);
    plan_.hiddenLanes = 0;
    float lastRow = -1e9f;
    for (std::size_t i = 0; i < rows.size(); ++i) {  // rows go down the canvas in lane order
        if (rows[i] - lastRow >= 1.0f) {
            plan_.laneDrawn[i] = 1;
            lastRow = rows[i];
        } else {
            ++plan_.hiddenLanes;
        }
    }
    // The glow of a lone ribbon reaches about 25 pixels; rows closer than twice that share it out.
    const float rowSpacing = rows.size() > 1 ? (rows.back() - rows.front()) / static_cast<float>(rows.size() - 1) : 1e9f;
    plan_.ribbonGlowScale = std::clamp(rowSpacing / 50.0f, 0.15f, 1.0f);
}

void FramePlanner::planTitle(const Story& story, const TextMeasurer& measurer) {
    TitlePlan& title = plan_.title;
    if (!title.shown) return;
    const Rect& canvas = plan_.view.canvas;
    title.titleAt = {canvas.x + 22, canvas.y + 16};
    // A title longer than the canvas is shortened clear of the story menu at the top right.
    const float room = canvas.width - 22 - 140;
    title.titleText = shortener_.fit(measurer, TextStyle::Title, story.title, room);
    float blockBottom = title.titleAt.y + title.titleText.height;
    float blockWidth = title.titleText.width;
    if (story.source.title.empty()) {
        title.credit.clear();
        creditSource_.clear();
    } else {
        if (creditSource_ != story.source.title || title.credit.empty()) {
            creditSource_ = story.source.title.str();
            title.credit = "Commentary: \u201C" + creditSource_ + "\u201D";
        }
        title.creditAt = {title.titleAt.x, blockBottom + 3};
        title.creditText = shortener_.fit(measurer, TextStyle::Small, title.credit, room);
        blockBottom += 3 + title.creditText.height;
        blockWidth = std::max(blockWidth, title.creditText.width);
    }
    title.bounds = {title.titleAt.x - 4, title.titleAt.y - 4, blockWidth + 8, blockBottom - title.titleAt.y + 8};
    obstacles_.push_back(title.bounds);
}

void FramePlanner::planLaneHeaders(const Story& story, const TextMeasurer& measurer) {
    // Lane names as row headers pinned to the left edge, in the room the fitted view keeps free for them
    // (laneHeaderWidth): colour is never the only code.
    // Where rows crowd, a name that would overlap the one above it is left out (and the notice says so).
    const Rect& canvas = plan_.view.canvas;
    plan_.laneHeaders.clear();
    float lastBottom = -1e9f;
    int unnamed = 0;
    const float lineHeight = measurer.measure(TextStyle::Bold, {}).y;
    for (std::size_t i = 0; i < story.lanes.size(); ++i) {
        if (!plan_.laneDrawn[i] || plan_.layout.laneRowY[i] - lineHeight / 2 - 4 < lastBottom + 2) {
            ++unnamed;
            continue;
        }
        LaneHeaderPlan header;
        header.lane = static_cast<LaneIndex>(i);
        header.textAt = {canvas.x + 18, plan_.layout.laneRowY[i] - lineHeight / 2};
        header.name = shortener_.fit(measurer, TextStyle::Bold, story.lanes[i].title, style_.laneHeaderWidth - 26);
        header.pill = {header.textAt.x - 8, header.textAt.y - 4, header.name.width + 16, lineHeight + 8};
        plan_.laneHeaders.push_back(header);
        obstacles_.push_back(header.pill);
        lastBottom = header.pill.bottom();
    }
    plan_.unnamedLanes = unnamed;
}

void FramePlanner::planEventLabels(const Story& story, const ViewState& state, const TextMeasurer& measurer) {
    const Rect& canvas = plan_.view.canvas;
    if (lastLabelsStory_ != story.sourceHash || lastLabels_.size() != story.events.size()) {
        lastLabels_.assign(story.events.size(), LastLabel{});
        lastLabelsStory_ = story.sourceHash;
    }
    requests_.clear();
    requestEvents_.clear();
    requestTexts_.clear();
    // A label is at most this wide: a longer title is shortened, rather than finding no room at all.
    const float maxLabelWidth = std::min(kMaxLabelWidth, canvas.width * 0.4f);
    int crowdedOut = 0;
    const SearchPlan& search = plan_.search;
    const std::vector<EventMark>& marks = plan_.layout.events;
    for (const EventMark& mark : marks) {
        const float r = mark.radius + 3;
        const Rect node{mark.position.x - r, mark.position.y - r, 2 * r, 2 * r};
        obstacles_.push_back(node);
        // A label is only ever drawn beside its node: none for a node off the canvas or under a lane name.
        bool underHeader = false;
        for (LaneHeaderPlan& header : plan_.laneHeaders) {
            if (rectsOverlap(node, header.pill)) header.overNode = underHeader = true;
        }
        if (mark.isCluster() || underHeader || !canvas.contains(mark.position.x, mark.position.y)) continue;
        const Event& event = story.events[static_cast<std::size_t>(mark.event)];
        if (!plan_.laneDrawn[static_cast<std::size_t>(event.lane)]) {  // a crowded-out lane's: counted as hidden
            ++crowdedOut;
            continue;
        }
        const ShortenedText text = shortener_.fit(measurer, TextStyle::Body, event.title, maxLabelWidth);
        LabelRequest request;
        request.anchorX = mark.position.x;
        request.anchorY = mark.position.y;
        request.width = text.width;
        request.height = text.height;
        request.clearance = mark.radius + ((mark.isFork || mark.isRejoin) ? 10.0f : 7.0f);
        // Where it was last frame (tried first), else the dream's labels above and those of what happened below.
        const LastLabel& last = lastLabels_[static_cast<std::size_t>(mark.event)];
        request.hasPrevious = last.shown;
        request.previousDx = last.dx;
        request.previousDy = last.dy;
        request.preferAbove = last.shown ? last.dy < 0 : story.lanes[static_cast<std::size_t>(event.lane)].kind == LaneKind::Dream;
        const bool matched = search.active && search.markMatches[static_cast<std::size_t>(&mark - marks.data())];
        request.priority = mark.event == state.selectedEvent ? 3 : (matched || mark.isFork || mark.isRejoin) ? 2 : 1;
        requests_.push_back(request);
        requestEvents_.push_back(mark.event);
        requestTexts_.push_back(text);
    }
    // The playhead's line crosses no label: the label of the moment it stands on moves beside it.
    if (plan_.playhead.drawn) {
        obstacles_.push_back({plan_.playhead.x - 2, plan_.playhead.top, 4, plan_.playhead.bottom - plan_.playhead.top});
    }
    plan_.hiddenLabels = crowdedOut + placeEventLabels();
    composeNotice();
    if (!plan_.notice.empty()) {
        // The notice takes room of its own at the canvas's bottom left (with slack for its counts to grow
        // by a digit), and the labels are placed again around it.
        const glm::vec2 size = measurer.measure(TextStyle::Small, plan_.notice);
        plan_.noticeAt = {canvas.x + 12, plan_.layout.ruler.y - size.y - 6};
        obstacles_.push_back({plan_.noticeAt.x - 4, plan_.noticeAt.y - 2, size.x + 30, size.y + 4});
        plan_.hiddenLabels = crowdedOut + placeEventLabels();
        composeNotice();
    }
    plan_.labels.clear();
    for (std::size_t i = 0; i < placed_.size(); ++i) {
        const EventIndex event = requestEvents_[i];
        const PlacedLabel& placed = placed_[i];
        lastLabels_[static_cast<std::size_t>(event)] = {placed.visible, placed.box.x - requests_[i].anchorX,
                                                        placed.box.y - requests_[i].anchorY};
        if (!placed_[i].visible) continue;
        EventLabelPlan label;
        label.event = event;
        label.box = placed_[i].box;
        label.text = requestTexts_[i];
        label.passed = story.events[static_cast<std::size_t>(event)].time <= state.playheadTime;
        const bool matched = search.active && searchMatched_[static_cast<std::size_t>(event)];
        label.emphasised = event == state.selectedEvent || event == state.hoveredEvent || matched;
        label.dimmed = search.active && !matched && !label.emphasised;
        plan_.labels.push_back(label);
    }
}

int FramePlanner::placeEventLabels() {
    const Rect& canvas = plan_.view.canvas;
    const Rect bounds{canvas.x + 4, canvas.y + 4, canvas.width - 8, plan_.layout.ruler.y - canvas.y - 6};
    placer_.place(requests_, bounds, obstacles_, placed_);
    int hidden = 0;
    for (const PlacedLabel& placed : placed_) hidden += placed.visible ? 0 : 1;
    return hidden;
}

void FramePlanner::composeNotice() {
    // Made again only when a count changes: a steady frame allocates nothing.
    const std::array<int, 4> counts{plan_.hiddenLanes, static_cast<int>(plan_.layout.laneRowY.size()), plan_.unnamedLanes,
                                    plan_.hiddenLabels};
    if (counts == noticeCounts_) return;
    noticeCounts_ = counts;
    std::string& notice = plan_.notice;
    notice.clear();
    auto add = [&notice](int count, const char* one, const char* many) {
        if (count == 0) return;
        notice += notice.empty() ? "" : "; ";
        notice += std::to_string(count);
        notice += count == 1 ? one : many;
    };
    if (plan_.hiddenLanes > 0) {
        notice = std::to_string(plan_.layout.laneRowY.size() - static_cast<std::size_t>(plan_.hiddenLanes)) + " of " +
                 std::to_string(plan_.layout.laneRowY.size()) + " lanes drawn: the others lie within a pixel of one that is";
    }
    add(plan_.unnamedLanes, " lane name left out for room", " lane names left out for room");
    add(plan_.hiddenLabels, " label hidden for room (zoom in to read it)", " labels hidden for room (zoom in to read them)");
}

void FramePlanner::planEraLabels(const Story& story, const TextMeasurer& measurer) {
    // Each era's name centred in its stretch of the ruler, when it fits there.
    const Rect& ruler = plan_.layout.ruler;
    const int current = story.eraAt(plan_.playhead.time);
    plan_.eraLabels.clear();
    for (const EraBand& band : plan_.layout.eras) {
        const glm::vec2 size = measurer.measure(TextStyle::Bold, story.eras[static_cast<std::size_t>(band.era)].name);
        if (size.x + 12 > band.x1 - band.x0) continue;
        const float x = std::clamp((band.x0 + band.x1 - size.x) / 2, band.x0 + 6, band.x1 - size.x - 6);
        plan_.eraLabels.push_back({band.era, {x, ruler.y + ruler.height - size.y - 8}, band.era == current});
    }
}

void FramePlanner::planSearch(const Story& story, const ViewState& state, const TextMeasurer& measurer) {
    SearchPlan& search = plan_.search;
    // The matches, and per lane how many of its first k events match: worked out again only when the
    // query or the story changes.
    if (!searchPlanned_ || searchQuery_ != state.searchQuery || searchStory_ != story.sourceHash ||
        searchMatched_.size() != story.events.size()) {
        searchPlanned_ = true;
        searchQuery_ = state.searchQuery;
        searchStory_ = story.sourceHash;
        search.matches = search_.update(story, searchQuery_);
        searchMatched_.assign(story.events.size(), 0);
        for (const EventIndex event : search.matches) searchMatched_[static_cast<std::size_t>(event)] = 1;
        laneMatchPrefix_.resize(story.lanes.size());
        for (std::size_t lane = 0; lane < story.lanes.size(); ++lane) {
            const std::vector<EventIndex>& own = story.lanes[lane].events;
            std::vector<int>& prefix = laneMatchPrefix_[lane];
            prefix.assign(own.size() + 1, 0);
            for (std::size_t k = 0; k < own.size(); ++k) {
                prefix[k + 1] = prefix[k] + searchMatched_[static_cast<std::size_t>(own[k])];
            }
        }
        captionCounts_ = {-1, -1, -1};
    }
    search.active = !searchQuery_.empty();
    search.markMatches.clear();
    search.inView = 0;
    if (!search.active) {
        search.caption.clear();
        return;
    }
    const Rect& canvas = plan_.view.canvas;
    for (const EventMark& mark : plan_.layout.events) {
        const Event& event = story.events[static_cast<std::size_t>(mark.event)];
        const std::vector<int>& prefix = laneMatchPrefix_[static_cast<std::size_t>(event.lane)];
        const int matches = prefix[static_cast<std::size_t>(mark.firstInLane + mark.count)] -
                            prefix[static_cast<std::size_t>(mark.firstInLane)];
        search.markMatches.push_back(matches > 0 ? 1 : 0);
        if (canvas.contains(mark.position.x, mark.position.y)) search.inView += matches;
    }
    // The caption, made again only when a count changes.
    const std::array<int, 3> counts{static_cast<int>(search.matches.size()), static_cast<int>(story.events.size()),
                                    search.inView};
    if (counts != captionCounts_) {
        captionCounts_ = counts;
        constexpr std::size_t kQueryShown = 40;  // a longer query is shown cut, with an ellipsis
        std::string query(cutUtf8(searchQuery_, kQueryShown));  // never mid-character
        if (query.size() < searchQuery_.size()) query += "\u2026";
        search.caption = "\u201C" + query + "\u201D: ";
        if (search.matches.empty()) {
            search.caption += "no event matches";
        } else {
            search.caption += std::to_string(search.matches.size()) + " of " + std::to_string(story.events.size()) +
                              (story.events.size() == 1 ? " event matches, " : " events match, ") +
                              std::to_string(search.inView) + " in view";
        }
    }
    // At the canvas's bottom right, above the ruler; the labels keep clear of it.
    const glm::vec2 size = measurer.measure(TextStyle::Small, search.caption);
    search.captionAt = {canvas.right() - size.x - 16, plan_.layout.ruler.y - size.y - 10};
    search.captionBox = {search.captionAt.x - 8, search.captionAt.y - 4, size.x + 16, size.y + 8};
    obstacles_.push_back(search.captionBox);
}

void FramePlanner::planRuler(const Story& story, const ViewState& state, const TextMeasurer& measurer) {
    RulerPlan& ruler = plan_.ruler;
    const Rect& band = plan_.layout.ruler;
    const Rect& canvas = plan_.view.canvas;
    const double majorStep = plan_.layout.majorTickStep;
    const CalendarStep& calendarStep = plan_.layout.calendarSteps.major;

    // The time under the pointer: a tag on the ruler, a step finer than the ticks' labels.
    ruler.pointerShown = std::isfinite(state.pointerX) && canvas.contains(state.pointerX, canvas.y) &&
                         band.height > 0;
    if (ruler.pointerShown) {
        ruler.pointerX = state.pointerX;
        ruler.pointerText = formatTimeFinerThanRuler(story, plan_.view.xToTime(state.pointerX), majorStep, calendarStep);
        const glm::vec2 size = measurer.measure(TextStyle::Small, ruler.pointerText.c_str());
        const float x = std::clamp(state.pointerX - size.x / 2 - 6, canvas.x + 2, canvas.right() - size.x - 14);
        ruler.pointerBox = {x, band.y + 2, size.x + 12, size.y + 4};
    }

    // A label beside each major tick, where it fits before the next one, clear of the playhead's mark
    // and the pointer's tag. On a calendar ruler the first label also names what its unit leaves out
    // ("4 Jun 1942, 09:00"), and may reach over the next ticks (whose labels then give way) unless one of
    // them begins a larger unit ("5 Jun" at midnight), which then names it; a label that begins a larger
    // unit but finds no room passes the naming on to the next. In a story in numbers that names its unit,
    // the first number carries it ("10 min").
    ruler.labels.clear();
    float freeFrom = -1e9f;
    bool contextDue = story.calendar || !story.timeUnit.empty();
    const std::vector<RulerTick>& ticks = plan_.layout.ticks;
    auto measureLabel = [&](const RulerTick& tick, bool withContext, RulerLabelPlan& label) {
        label.text = formatRulerLabel(story, tick.time, majorStep, calendarStep, withContext);
        const glm::vec2 size = measurer.measure(TextStyle::Small, label.text.c_str());
        label.at = {tick.x + 4, band.y + 3};
        return Rect{label.at.x - 2, label.at.y, size.x + 4, size.y};
    };
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        const RulerTick& tick = ticks[i];
        if (!tick.major) continue;
        double nextMajorX = tick.x + majorStep * plan_.view.pixelsPerTime();
        if (story.calendar) {  // calendar steps are not all alike (months, the years around AD 1)
            for (std::size_t next = i + 1; next < ticks.size(); ++next) {
                if (!ticks[next].major) continue;
                nextMajorX = ticks[next].x;
                break;
            }
        }
        bool withContext = contextDue;
        RulerLabelPlan label;
        Rect box = measureLabel(tick, withContext, label);
        if (withContext && story.calendar && nextMajorX < box.right() + 6) {
            bool coversLargerUnit = false;
            for (std::size_t next = i + 1; next < ticks.size() && ticks[next].x < box.right() + 6; ++next) {
                coversLargerUnit = coversLargerUnit ||
                                   (ticks[next].major && rulerTickBeginsLargerUnit(story, ticks[next].time, calendarStep));
            }
            if (coversLargerUnit) {
                withContext = false;
                box = measureLabel(tick, false, label);
            }
        }
        const bool fits = box.x >= freeFrom && box.right() <= canvas.right() &&
                          (withContext || nextMajorX >= box.right() + 6);
        const bool clearOfPlayhead = !plan_.playhead.onCanvas || box.right() < plan_.playhead.x - 7 ||
                                     box.x > plan_.playhead.x + 7;
        const bool clearOfPointer = !ruler.pointerShown || !rectsOverlap(box, ruler.pointerBox);
        if (!fits || !clearOfPlayhead || !clearOfPointer) {
            contextDue = contextDue || rulerTickBeginsLargerUnit(story, tick.time, calendarStep);
            continue;
        }
        if (withContext) contextDue = false;
        freeFrom = box.right() + 4;
        ruler.labels.push_back(label);
    }
}

}  // namespace epilogue
