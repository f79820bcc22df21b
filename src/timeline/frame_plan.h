// The frame plan: everything one frame shows, as plain records computed once per frame from the story,
// the view state, the frame's size and the layout style: where the canvas and the panels go, the
// time <-> pixel mapping, the lane curves, the event marks and clusters, the ruler's ticks and eras, the
// playhead, and the place of every piece of text on the canvas. The renderer, the canvas text, the
// sidecar, hit-testing and input all read it; nothing else turns a story time into a pixel.
// Pure: text is measured through a function the caller passes in, so the plan is unit-tested without
// ImGui.
#pragma once

#include "story/story.h"
#include "timeline/event_search.h"
#include "timeline/label_placement.h"
#include "timeline/layout.h"
#include "timeline/text_shortening.h"
#include "timeline/text_wrapping.h"
#include "timeline/time_format.h"
#include "timeline/view_state.h"

#include <glm/vec2.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

struct FrameSize {
    float logicalWidth = 1280;
    float logicalHeight = 720;
    float pixelScale = 1;  // framebuffer pixels per logical pixel
};

// Where the canvas and the panels go in a window of the given size; below 420x300 the canvas alone.
struct ScreenLayout {
    Rect canvas;
    Rect transport;   // the bar under the canvas; zero-sized when the panels are hidden
    Rect commentary;  // bottom left
    Rect events;      // bottom right
    Rect storyMenu;   // the "Open" button over the canvas's top right corner (zero-sized with no panels)
    Rect caption;     // the tour's caption band under the canvas (zero-sized when no tour is shown)
};
ScreenLayout screenLayout(float logicalWidth, float logicalHeight, bool showPanels);
// The tour's layout, for a classroom: no panels, the canvas above a band for the captions and the progress.
ScreenLayout presentationLayout(float logicalWidth, float logicalHeight);

// The faces story text is set in. Quote: the italic serif of the characters' and critics' words, in the
// panels. Caption: the tour's captions, measured at kCaptionBaseSize and drawn at the size the plan chooses.
enum class TextStyle { Body, Bold, Title, Small, Caption, Quote };
constexpr float kCaptionBaseSize = 40;

// Measures text as it will be drawn, in logical pixels. The UI passes one backed by its fonts; tests
// pass one of their own.
class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    virtual glm::vec2 measure(TextStyle style, std::string_view text) const = 0;
    // The width of the first `bytes` of `text` (a grapheme boundary) as they sit in the whole text, for
    // shortening it. This measures them alone; a measurer that shapes sums the advances of those clusters in
    // the whole text, shaped once, rather than shaping every start it is asked about.
    virtual float measureStart(TextStyle style, std::string_view text, std::size_t bytes) const {
        return measure(style, text.substr(0, bytes)).x;
    }
    // measureStart() for each of `bytes` (in order), into `widths`: a measurer that shapes goes through the
    // text's glyphs once for all of them.
    virtual void measureStarts(TextStyle style, std::string_view text, const std::vector<std::uint32_t>& bytes,
                               std::vector<float>& widths) const {
        widths.clear();
        for (const std::uint32_t at : bytes) widths.push_back(measureStart(style, text, at));
    }
};

struct PlayheadPlan {
    double time = 0;
    float x = 0;              // the line of light
    float top = 0;            // where its beam starts, below the canvas's top
    float bottom = 0;         // the ruler's bottom edge
    bool drawn = false;       // near enough to the canvas for its glow to show
    bool onCanvas = false;    // inside the canvas: the ruler marks it, and its handle can be grabbed
    Rect rect() const { return {x - 1, top, 2, bottom - top}; }
    // The knob at the top of the beam that grabs it (as the ruler does); the beam itself does not, so that
    // an event under the playhead can still be clicked.
    Rect handle() const { return {x - 8, top - 8, 16, 16}; }
};

struct TitlePlan {
    bool shown = false;     // only when the canvas has room for it
    glm::vec2 titleAt{0, 0};
    glm::vec2 creditAt{0, 0};
    std::string credit;     // "Commentary: “source”"; empty when the story names no source
    ShortenedText titleText;   // the story's title as shown: shortened to the canvas's width
    ShortenedText creditText;  // the credit likewise
    Rect bounds;            // the block with a margin, kept free of labels
};

struct LaneHeaderPlan {
    LaneIndex lane = kNone;
    Rect pill;              // the dark pill behind the name
    glm::vec2 textAt{0, 0};
    ShortenedText name;     // the lane's title as shown: a name too long for the header ends in an ellipsis
    bool overNode = false;  // an event's node lies under it: drawn faintly, so the node shows through
};

// The widest an event's label may be, in logical pixels (less on a narrow canvas); a longer title is shortened.
constexpr float kMaxLabelWidth = 280;

struct EventLabelPlan {
    EventIndex event = kNone;
    Rect box;
    ShortenedText text;       // the event's title as shown: one longer than a label may be ends in an ellipsis
    bool passed = false;      // the playhead has reached its event
    bool emphasised = false;  // selected, hovered, or a match of the search
    bool dimmed = false;      // a search is under way and its event does not match
};

// The events list's search, as the canvas shows it: the matching marks ringed, the others dimmed, and a
// caption with the count.
struct SearchPlan {
    bool active = false;              // a query is typed
    std::vector<EventIndex> matches;  // the matching events in time order (every event with no query)
    std::vector<char> markMatches;    // per mark of layout.events: it stands for a match (only when active)
    int inView = 0;                   // matching events among the marks on the canvas
    std::string caption;              // “paris”: 2 of 16 events match, 1 in view
    Rect captionBox;                  // at the canvas's bottom right, above the ruler
    glm::vec2 captionAt{0, 0};
};

// The ruler's words: a number at each major tick, and the time under the pointer.
struct RulerLabelPlan {
    glm::vec2 at{0, 0};
    TimeText text;
};
struct RulerPlan {
    std::vector<RulerLabelPlan> labels;  // the major ticks' numbers that fit (none under the pointer's time)
    bool pointerShown = false;           // the pointer is over the canvas
    float pointerX = 0;
    TimeText pointerText;                // the time under the pointer, one digit finer than the ticks
    Rect pointerBox;                     // the tag it is written in, on the ruler
};

struct EraLabelPlan {
    int era = kNone;
    glm::vec2 at{0, 0};
    bool current = false;   // the playhead is in this era
};

// The guided tour's presentation (tour.h): the stop's words, wrapped in the caption band in type large enough
// to read from the back of a room (capital letters at least 3% of the frame's height), a dot per stop and a
// bar for the whole tour's progress.
struct TourLinePlan {
    std::size_t begin = 0, end = 0;  // bytes of TourPlan::caption
    glm::vec2 at{0, 0};
};
struct TourPlan {
    bool active = false;
    int stop = 0, stops = 0;
    bool paused = false;
    bool finished = false;
    bool isQuote = false;             // a character's line: the caption is in quotation marks
    std::string caption;              // the stop's words (with quotation marks for a line)
    std::string attribution;          // "— the article"; empty when the words are nobody's
    std::string counter;              // "3 / 17"
    float captionSize = 0;            // the caption's font size, logical pixels
    float captionOpacity = 1;         // the words fade in as the camera arrives
    std::vector<TourLinePlan> lines;  // the page on screen
    int page = 0, pages = 1;          // a caption too long for the band is shown a page at a time
    bool continues = false;           // a page before the last: its last line is followed by an ellipsis...
    glm::vec2 continuationAt{0, 0};   // ...drawn here, just after the line's last word
    bool attributionShown = false;    // on the caption's last page
    glm::vec2 attributionAt{0, 0};
    float attributionSize = 0;
    glm::vec2 counterAt{0, 0};
    std::vector<glm::vec2> dots;      // one per stop, along the band's bottom
    float dotRadius = 0;
    Rect progressBar;                 // the whole tour, along the frame's bottom edge
    float progress = 0;               // 0..1
};

struct FramePlan {
    FrameSize size;
    bool panels = true;         // the panels are shown (else the canvas fills the frame)
    float animationTime = 0;    // the clock that drives twinkle and shimmer
    ScreenLayout screen;
    TimelineView view;          // this frame's time <-> pixel mapping
    TimelineLayout layout;      // lane curves, event marks, ruler ticks and eras
    // More lanes than the canvas has rows of pixels for cannot all be told apart: a lane whose row lies
    // within a pixel of the last drawn lane's row is not drawn (its events still are), and the canvas
    // says how many lanes that leaves out. Ribbons narrow their glow as rows crowd together.
    std::vector<char> laneDrawn;  // per lane
    int hiddenLanes = 0;
    int unnamedLanes = 0;         // lanes whose names found no room
    int hiddenLabels = 0;         // labels of nodes on the canvas that found no room
    float ribbonGlowScale = 1;    // 1 when rows are far apart; smaller as they crowd
    std::string notice;           // what the canvas must say about what it leaves out; empty when nothing
    glm::vec2 noticeAt{0, 0};     // at the canvas's bottom left, above the ruler
    PlayheadPlan playhead;
    TitlePlan title;
    std::vector<LaneHeaderPlan> laneHeaders;
    std::vector<EventLabelPlan> labels;  // only the labels that are shown
    std::vector<EraLabelPlan> eraLabels;
    SearchPlan search;
    RulerPlan ruler;
    TourPlan tour;

    // The mark that shows an event (a cluster's first event finds the cluster), or nullptr.
    const EventMark* markOf(EventIndex event) const;
};

// What a plan is made from besides the story and the view state.
struct FrameRequest {
    FrameSize size;
    bool panels = true;
    float animationTime = 0;
};

// Makes frame plans, keeping its buffers between frames: planning allocates nothing once they are large
// enough.
class FramePlanner {
public:
    explicit FramePlanner(LayoutStyle style = {}) : style_(style) {}

    const FramePlan& plan(const Story& story, const ViewState& state, const FrameRequest& request,
                          const TextMeasurer& measurer);
    const FramePlan& current() const { return plan_; }
    // Labels are placed where they were last frame when they still fit there; this forgets those places,
    // so that the next plan depends on its inputs alone (a fresh window plans the same).
    void forgetLabelPlaces() { lastLabels_.clear(); }
    const LayoutStyle& style() const { return style_; }

private:
    void planLanes();
    void planTitle(const Story& story, const TextMeasurer& measurer);
    void planLaneHeaders(const Story& story, const TextMeasurer& measurer);
    void planEventLabels(const Story& story, const ViewState& state, const TextMeasurer& measurer);
    int placeEventLabels();  // returns how many found no room
    void composeNotice();
    void planEraLabels(const Story& story, const TextMeasurer& measurer);
    void planSearch(const Story& story, const ViewState& state, const TextMeasurer& measurer);
    void planRuler(const Story& story, const ViewState& state, const TextMeasurer& measurer);
    void planTour(const ViewState& state, const TextMeasurer& measurer);  // tour_plan.cpp
    void wrapTourCaption(const TextMeasurer& measurer, float top, float bottom, float largest, float smallest);

    LayoutStyle style_;
    FramePlan plan_;
    std::vector<Rect> obstacles_;
    std::vector<LabelRequest> requests_;
    std::vector<EventIndex> requestEvents_;
    std::vector<ShortenedText> requestTexts_;
    TextShortener shortener_;
    std::vector<PlacedLabel> placed_;
    LabelPlacer placer_;
    std::string creditSource_;  // the source title plan_.title.credit was made from
    // Where each event's label was last frame, relative to its node, so that labels stay put while the
    // selection or the playhead moves; forgotten when another story comes.
    struct LastLabel {
        bool shown = false;
        float dx = 0, dy = 0;
    };
    std::vector<LastLabel> lastLabels_;
    std::array<int, 4> noticeCounts_{-1, -1, -1, -1};  // what plan_.notice was made from
    std::uint64_t lastLabelsStory_ = 0;
    // The search: matches worked out again only when the query or the story changes; per lane, how many
    // of its first k events match (so a cluster's matches are counted in one subtraction).
    EventSearch search_;
    std::string searchQuery_;
    std::uint64_t searchStory_ = 0;
    bool searchPlanned_ = false;
    std::vector<char> searchMatched_;  // per event
    std::vector<std::vector<int>> laneMatchPrefix_;
    std::array<int, 3> captionCounts_{-1, -1, -1};  // what plan_.search.caption was made from
    // The tour caption's wrapping, worked out again only when its words or its band change.
    std::string tourWrappedCaption_, tourWrappedAttribution_;  // the stop's, as the tour holds them
    Rect tourWrappedBand_;
    TextWrapper tourWrapper_;
    std::vector<TextLine> tourLines_;  // the whole caption, wrapped at plan_.tour.captionSize
    std::size_t tourLinesPerPage_ = 1;
};

// Whether the canvas has room for the story's title block.
bool showsTitleBlock(const Rect& canvas);

}  // namespace epilogue
