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

// The number of bytes of the UTF-8 sequence that starts with `lead`.
std::size_t sequenceLength(unsigned char lead) {
    return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
}

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
    tour.isQuote = stop.isQuote;
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
    std::string words = stop.isQuote ? "\u201C" + stop.caption + "\u201D" : stop.caption;
    const float largest = frameHeight * kCaptionCapShare / kCapHeightShare;
    const float smallest = frameHeight * kSmallestCapShare / kCapHeightShare;
    const bool sameBand = tourWrappedBand_.x == band.x && tourWrappedBand_.y == band.y &&
                          tourWrappedBand_.width == band.width && tourWrappedBand_.height == band.height;
    std::string attribution = stop.attribution.empty() ? std::string() : "\u2014 " + stop.attribution;
    if (words == tourWrappedCaption_ && attribution == tour.attribution && sameBand && !tour.lines.empty()) return;
    tourWrappedCaption_ = words;
    tourWrappedBand_ = band;
    tour.caption = std::move(words);
    tour.attribution = std::move(attribution);
    const std::string& text = tour.caption;

    // Pieces: the words, each with its width at the base size; a word wider than a line is split between
    // characters (text with no spaces, such as Chinese, is one long word).
    struct Piece {
        std::size_t begin, end;
        float width;
        bool spaceBefore;
    };
    std::vector<Piece> pieces;
    const float lineWidth = std::min(band.width - 2 * margin, largest * 32);
    const float widestPiece = lineWidth * kCaptionBaseSize / largest;
    const float spaceWidth = measurer.measure(TextStyle::Caption, " ").x;
    for (std::size_t at = 0; at < text.size();) {
        const bool spaceBefore = text[at] == ' ';
        while (at < text.size() && text[at] == ' ') ++at;
        std::size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        if (at == end) break;
        const std::string_view word = std::string_view(text).substr(at, end - at);
        const float width = measurer.measure(TextStyle::Caption, word).x;
        if (width <= widestPiece) {
            pieces.push_back({at, end, width, spaceBefore});
        } else {
            // The longest runs of whole characters that fit, one after another.
            for (std::size_t start = at; start < end;) {
                std::size_t cut = std::min(end, start + sequenceLength(static_cast<unsigned char>(text[start])));
                float cutWidth = measurer.measure(TextStyle::Caption, std::string_view(text).substr(start, cut - start)).x;
                while (cut < end) {
                    const std::size_t next = std::min(end, cut + sequenceLength(static_cast<unsigned char>(text[cut])));
                    const float w = measurer.measure(TextStyle::Caption, std::string_view(text).substr(start, next - start)).x;
                    if (w > widestPiece) break;
                    cut = next;
                    cutWidth = w;
                }
                pieces.push_back({start, cut, cutWidth, start == at && spaceBefore});
                start = cut;
            }
        }
        at = end;
    }

    // The largest size (down to the smallest allowed) at which the caption fits the band's height.
    const float attributionGap = tour.attribution.empty() ? 0.0f : largest * 0.9f;
    const float top = band.y + largest * 0.45f;
    const float bottom = dotsY - tour.dotRadius * 3 - attributionGap;
    std::vector<TourLinePlan>& lines = tour.lines;
    float size = largest;
    auto wrap = [&](float at) {
        lines.clear();
        const float scale = at / kCaptionBaseSize;
        float width = 0;
        for (const Piece& piece : pieces) {
            const float gap = lines.empty() || width == 0 || !piece.spaceBefore ? 0.0f : spaceWidth * scale;
            if (lines.empty() || (width > 0 && width + gap + piece.width * scale > lineWidth)) {
                lines.push_back({piece.begin, piece.end, {0, 0}});
                width = piece.width * scale;
            } else {
                lines.back().end = piece.end;
                width += gap + piece.width * scale;
            }
        }
        return static_cast<float>(lines.size()) * at * kLineSpacing <= bottom - top;
    };
    while (!wrap(size) && size > smallest) size = std::max(smallest, size * 0.96f);
    tour.captionSize = size;
    const auto fitLines = static_cast<std::size_t>(std::max(1.0f, std::floor((bottom - top) / (size * kLineSpacing))));
    tour.shortened = lines.size() > fitLines;
    if (tour.shortened) {
        // What does not fit is not dropped silently: the last line that fits ends in an ellipsis.
        lines.resize(fitLines);
        TourLinePlan& last = lines.back();
        const std::string_view ellipsis = "\u2026";
        const float scale = size / kCaptionBaseSize;
        std::string& owned = tour.caption;
        std::size_t end = last.end;
        while (end > last.begin &&
               (measurer.measure(TextStyle::Caption, std::string_view(owned).substr(last.begin, end - last.begin)).x +
                measurer.measure(TextStyle::Caption, ellipsis).x) * scale > lineWidth) {
            do --end; while (end > last.begin && (static_cast<unsigned char>(owned[end]) & 0xC0) == 0x80);
        }
        while (end > last.begin && owned[end - 1] == ' ') --end;
        owned.replace(end, std::string::npos, ellipsis);
        last.end = owned.size();
    }
    // Centred in the band, each line centred across it, like a film's subtitles.
    const float lineHeight = size * kLineSpacing;
    const float blockHeight = static_cast<float>(lines.size()) * lineHeight + attributionGap;
    const float blockTop = top + std::max(0.0f, (bottom + attributionGap - top - blockHeight) / 2);
    const float scale = size / kCaptionBaseSize;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        TourLinePlan& line = lines[i];
        const float width = measurer.measure(TextStyle::Caption, std::string_view(tour.caption).substr(line.begin, line.end - line.begin)).x * scale;
        line.at = {band.x + band.width / 2 - width / 2, blockTop + lineHeight * static_cast<float>(i)};
    }
    tour.attributionSize = std::max(14.0f, size * 0.55f);
    if (!tour.attribution.empty()) {
        const float attributionWidth =
            measurer.measure(TextStyle::Caption, tour.attribution).x * tour.attributionSize / kCaptionBaseSize;
        tour.attributionAt = {band.x + band.width / 2 - attributionWidth / 2,
                              blockTop + lineHeight * static_cast<float>(lines.size()) + size * 0.25f};
    }
}

}  // namespace epilogue
