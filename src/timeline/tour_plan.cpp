// Planning the guided tour's presentation (FramePlanner::planTour): the caption wrapped into the band under
// the canvas in large type, its attribution, a dot per stop and the progress bar.
#include "timeline/frame_plan.h"


#include <algorithm>
#include <cmath>
#include <cstdio>

namespace epilogue {

namespace {

// DejaVu Sans's capital letters are 0.73 of its size. The caption's size puts them at 3.2% of the frame's
// height, and never under 3% (where a long caption may shrink it).
constexpr float kCapHeightShare = 0.73f;
constexpr float kCaptionCapShare = 0.032f;
constexpr float kSmallestCapShare = 0.030f;
constexpr float kLineSpacing = 1.25f;

}  // namespace

void FramePlanner::planTour(const ViewState& state, const TextMeasurer& measurer) {
    TourPlan& tour = plan_.tour;
    tour.active = state.tour.active && !state.tour.tour.stops.empty();
    if (!tour.active) return;
    const Tour& source = state.tour.tour;
    const TourMoment moment = tourMomentAt(source, state.tour.clock, state.reducedMotion);
    const TourStop& stop = source.stops[static_cast<std::size_t>(moment.stop)];
    tour.stop = moment.stop;
    tour.stops = static_cast<int>(source.stops.size());
    tour.paused = state.tour.paused;
    tour.finished = moment.finished;
    tour.progress = moment.progress;
    // The words fade in as the camera arrives (at once, with reduced motion).
    tour.captionOpacity = moment.moving ? static_cast<float>(easeInOut((state.tour.clock - stop.startsAt) / stop.moveSeconds)) : 1.0f;

    const Rect band = plan_.screen.caption;
    const float frameHeight = plan_.size.logicalHeight;
    const float margin = std::max(24.0f, band.width * 0.06f);
    tour.dotRadius = std::clamp(frameHeight * 0.006f, 3.0f, 8.0f);
    const float dotsY = band.bottom() - tour.dotRadius * 4;
    tour.progressBar = {0, plan_.size.logicalHeight - std::max(3.0f, frameHeight * 0.004f), plan_.size.logicalWidth,
                        std::max(3.0f, frameHeight * 0.004f)};

    // ---- Dots: one per stop, centred; closer together when there are many ------------------------------
    tour.dots.clear();
    const float spacing = std::min(tour.dotRadius * 4, (band.width - 2 * margin) / static_cast<float>(std::max(1, tour.stops)));
    const float dotsWidth = spacing * static_cast<float>(tour.stops - 1);
    for (int i = 0; i < tour.stops; ++i) {
        tour.dots.push_back({band.x + band.width / 2 - dotsWidth / 2 + spacing * static_cast<float>(i), dotsY});
    }
    char counter[32];
    std::snprintf(counter, sizeof counter, "%d / %d", tour.stop + 1, tour.stops);
    tour.counter = counter;
    const glm::vec2 counterSize = measurer.measure(TextStyle::Small, tour.counter);
    tour.counterAt = {band.right() - margin - counterSize.x, dotsY - counterSize.y / 2};

    // ---- The caption: wrapped again only when its words or the band change -----------------------------
    const float largest = frameHeight * kCaptionCapShare / kCapHeightShare;
    const float smallest = frameHeight * kSmallestCapShare / kCapHeightShare;
    const float attributionGap = stop.attribution.empty() ? 0.0f : largest * 0.9f;
    const float top = band.y + largest * 0.45f;
    const float bottom = dotsY - tour.dotRadius * 3 - attributionGap;
    const bool sameBand = tourWrappedBand_.x == band.x && tourWrappedBand_.y == band.y &&
                          tourWrappedBand_.width == band.width && tourWrappedBand_.height == band.height;
    // Compared with the stop's own strings, so that a frame of the same stop allocates nothing.
    if (!sameBand || tourLines_.empty() || stop.isQuote != tour.isQuote || stop.caption != tourWrappedCaption_ ||
        stop.attribution != tourWrappedAttribution_) {
        tourWrappedCaption_ = stop.caption;
        tourWrappedAttribution_ = stop.attribution;
        tourWrappedBand_ = band;
        tour.isQuote = stop.isQuote;
        tour.caption = stop.isQuote ? "\u201C" + stop.caption + "\u201D" : stop.caption;
        for (char& c : tour.caption) {  // line breaks and tabs are spaces in a caption; other controls show nothing
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        }
        tour.attribution = stop.attribution.empty() ? std::string() : "\u2014 " + stop.attribution;
        wrapTourCaption(measurer, top, bottom, largest, smallest);
    }

    // ---- The page of the caption on screen: a caption longer than the band is shown a page at a time, the
    // stop's hold shared out between its pages (each but the last ends in an ellipsis) --------------------
    // As many pages as it takes, the lines shared out evenly between them (never a page of one last word).
    tour.pages = static_cast<int>((tourLines_.size() + tourLinesPerPage_ - 1) / tourLinesPerPage_);
    const std::size_t perPage = (tourLines_.size() + static_cast<std::size_t>(tour.pages) - 1) / static_cast<std::size_t>(tour.pages);
    const double held = stop.holdSeconds > 0 ? (state.tour.clock - stop.holdsAt()) / stop.holdSeconds : 1.0;
    tour.page = moment.moving ? 0 : std::clamp(static_cast<int>(std::floor(held * tour.pages)), 0, tour.pages - 1);
    const std::size_t first = static_cast<std::size_t>(tour.page) * perPage;
    const std::size_t count = std::min(perPage, tourLines_.size() - first);
    const bool lastPage = tour.page + 1 == tour.pages;
    const float size = tour.captionSize;
    const float lineHeight = size * kLineSpacing;
    const float shownGap = lastPage ? attributionGap : 0.0f;
    const float blockHeight = static_cast<float>(count) * lineHeight + shownGap;
    const float blockTop = top + std::max(0.0f, (bottom + attributionGap - top - blockHeight) / 2);
    tour.lines.clear();
    for (std::size_t i = 0; i < count; ++i) {
        const TextLine& line = tourLines_[first + i];
        tour.lines.push_back({line.begin, line.end, {band.x + band.width / 2 - line.width / 2,
                                                     blockTop + lineHeight * static_cast<float>(i)}});
    }
    tour.continues = !lastPage;
    if (tour.continues && count > 0) {
        const TourLinePlan& last = tour.lines.back();
        tour.continuationAt = {last.at.x + tourLines_[first + count - 1].width, last.at.y};
    }
    tour.attributionSize = std::max(14.0f, size * 0.55f);
    tour.attributionShown = lastPage && !tour.attribution.empty();
    if (tour.attributionShown) {
        const float attributionWidth =
            measurer.measure(TextStyle::Caption, tour.attribution).x * tour.attributionSize / kCaptionBaseSize;
        tour.attributionAt = {band.x + band.width / 2 - attributionWidth / 2,
                              blockTop + lineHeight * static_cast<float>(count) + size * 0.25f};
    }
}

void FramePlanner::wrapTourCaption(const TextMeasurer& measurer, float top, float bottom, float largest, float smallest) {
    TourPlan& tour = plan_.tour;
    const Rect& band = plan_.screen.caption;
    const float margin = std::max(24.0f, band.width * 0.06f);
    // Measured once at the base size; a word wider than a line at the largest size is split between characters.
    const float lineWidth = std::min(band.width - 2 * margin, largest * 32);
    tourWrapper_.prepare(measurer, TextStyle::Caption, tour.caption, lineWidth * kCaptionBaseSize / largest);

    // The largest size (down to the smallest allowed) at which the caption fits the band's height; past that,
    // it is shown in pages.
    auto wrap = [&](float size) {
        tourWrapper_.wrap(size / kCaptionBaseSize, lineWidth, tourLines_);
        return static_cast<float>(tourLines_.size()) * size * kLineSpacing <= bottom - top;
    };
    float size = largest;
    while (!wrap(size) && size > smallest) size = std::max(smallest, size * 0.96f);
    tour.captionSize = size;
    tourLinesPerPage_ = static_cast<std::size_t>(std::max(1.0f, std::floor((bottom - top) / (size * kLineSpacing))));
}

}  // namespace epilogue
