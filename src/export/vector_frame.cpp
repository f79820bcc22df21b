// The scene and the canvas text of a frame as vectors. Each part follows the shader or the canvas-text code
// that draws it in the window (named at each function); per-pixel light is sampled into gradient stops, and
// glows that the shaders add are laid down as a few translucent strokes or gradient fills.
//
//   drawSky       shaders/sky.frag       a vertical gradient, and the vignette as an elliptical one
//   drawStars     shaders/star.frag      a shared radial gradient per star, at the twinkle of the plan's clock
//   drawRibbons   shaders/ribbon.frag    layered strokes along the lane's curve, lit and dimmed by gradients in x
//   drawPlayhead  shaders/beam.frag      vertical strips of glow, and the line of light
//   drawNodes     shaders/node.frag      glow, disc and rings per mark
//   drawCanvasText src/ui/canvas_labels.cpp  title, lane names, labels, notice, search caption, ruler
#include "export/vector_frame.h"

#include "render/palette.h"
#include "render/scene_look.h"
#include "render/star_field.h"
#include "timeline/animation_clock.h"

#include <algorithm>
#include <cmath>

namespace epilogue {

namespace {

float smoothstep(float edge0, float edge1, float x) {
    const float t = std::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}
float mix(float a, float b, float t) { return a + (b - a) * t; }
Colour mix(const Colour& a, const Colour& b, float t) { return {mix(a.r, b.r, t), mix(a.g, b.g, t), mix(a.b, b.b, t)}; }
Colour scaled(const Colour& c, float k) { return {c.r * k, c.g * k, c.b * k}; }
const Colour kBlack{0, 0, 0};
const Colour kWhite{1, 1, 1};

// ---- Sky (sky.frag) ---------------------------------------------------------------------------------------

Colour skyColourAt(float y, float horizonY) {
    const float up = std::clamp(1.0f - y / std::max(horizonY, 1.0f), 0.0f, 1.0f);
    Colour colour = mix(kSkyHorizon, kSkyViolet, smoothstep(0.0f, 0.22f, up));
    colour = mix(colour, kSkyIndigo, smoothstep(0.15f, 0.6f, up));
    colour = mix(colour, kSkyZenith, smoothstep(0.55f, 1.0f, up));
    return mix(colour, kCity, smoothstep(horizonY - 2, horizonY + 24, y) * kCityDarkness);
}

void drawSky(VectorPainter& painter, const FramePlan& plan) {
    const float width = plan.size.logicalWidth, height = plan.size.logicalHeight;
    const float horizon = plan.layout.ruler.y;
    std::vector<float> ys;
    for (int i = 0; i <= 48; ++i) ys.push_back(height * static_cast<float>(i) / 48);
    for (int i = 0; i <= 13; ++i) ys.push_back(horizon - 2 + 2.0f * static_cast<float>(i));  // the city's edge
    std::sort(ys.begin(), ys.end());
    std::vector<ColourStop> stops;
    for (const float y : ys) {
        if (y < 0 || y > height || (!stops.empty() && y * 1.0f <= stops.back().offset * height + 0.01f)) continue;
        stops.push_back({y / height, skyColourAt(y, horizon), 1});
    }
    painter.fillRect({0, 0, width, height}, Paint::linear({0, 0}, {0, height}, stops));
    // The vignette multiplies the sky by 1 - kVignette * r², r the distance from the centre in halves of the
    // frame; black laid over it at that alpha does the same. The gradient reaches the corners, r² = 0.5.
    std::vector<ColourStop> vignette;
    for (int i = 0; i <= 8; ++i) {
        const float reach = static_cast<float>(i) / 8;
        vignette.push_back({reach, kBlack, kVignette * 0.5f * reach * reach});
    }
    painter.fillRect({0, 0, width, height}, Paint::radial(vignette));
}

// ---- Stars (star.frag) ------------------------------------------------------------------------------------

void drawStars(VectorPainter& painter, const FramePlan& plan, float clock, bool still) {
    std::vector<Star> stars;
    makeStarField(plan.size.logicalWidth, plan.size.logicalHeight, stars);
    // A star's light at d from its centre is (core + halo) of d / radius, the same shape for every star: one
    // gradient out to six radii, each star drawn with its own brightness as opacity.
    constexpr float kReach = 6.0f;
    std::vector<ColourStop> profile;
    for (int i = 0; i <= 10; ++i) {
        const float d = kReach * static_cast<float>(i) / 10;
        const float light = std::exp(-d * d) + std::exp(-d / 4.0f) * 0.12f;
        profile.push_back({static_cast<float>(i) / 10, kStarColour, std::min(light, 1.0f)});
    }
    profile.back().alpha = 0;
    const Paint paint = Paint::radial(profile);
    const float horizon = plan.layout.ruler.y, skyTop = plan.view.canvas.y;
    for (const Star& star : stars) {
        const float reading = steppedClock(clock, star.x, still);  // as star.frag reads the clock
        const float twinkle = 0.6f + 0.4f * std::sin(reading * star.twinkleSpeed + star.twinklePhase);
        const float up = std::clamp((horizon - star.y) / std::max(horizon - skyTop, 1.0f), 0.0f, 1.0f);
        const float light = twinkle * star.brightness * smoothstep(0.08f, 0.45f, up);
        if (light < 0.02f) continue;
        painter.fillCircle({star.x, star.y}, star.radius * kReach, paint, std::min(light, 1.0f));
    }
}

// ---- Ribbons (ribbon.frag) --------------------------------------------------------------------------------

// One point of a lane where its light is sampled.
struct RibbonSample {
    float x;
    float separation;
};

std::vector<RibbonSample> ribbonSamples(const LaneCurve& curve, float playheadX) {
    std::vector<RibbonSample> samples;
    const std::size_t n = curve.points.size();
    const std::size_t stride = std::max<std::size_t>(1, n / 120);
    for (std::size_t i = 0; i < n; i += stride) samples.push_back({curve.points[i].x, curve.separation[i]});
    samples.push_back({curve.points[n - 1].x, curve.separation[n - 1]});
    // Finely around the playhead, where the light steps down over eight pixels.
    for (float dx = -5; dx <= 5; dx += 1) {
        const float x = playheadX + dx;
        if (x <= curve.points.front().x || x >= curve.points.back().x) continue;
        const auto after = std::lower_bound(curve.points.begin(), curve.points.end(), x,
                                            [](const glm::vec2& p, float value) { return p.x < value; });
        const std::size_t j = static_cast<std::size_t>(after - curve.points.begin());
        const float x0 = curve.points[j - 1].x, x1 = curve.points[j].x;
        const float t = x1 > x0 ? (x - x0) / (x1 - x0) : 0;
        samples.push_back({x, mix(curve.separation[j - 1], curve.separation[j], t)});
    }
    std::sort(samples.begin(), samples.end(), [](const RibbonSample& a, const RibbonSample& b) { return a.x < b.x; });
    return samples;
}

// What one layer of a ribbon looks like at a sample: its colour and alpha there.
struct LayerLight {
    Colour colour;
    float alpha;
};

template <typename LightAt>
Paint ribbonPaint(const std::vector<RibbonSample>& samples, float x0, float x1, LightAt lightAt) {
    std::vector<ColourStop> stops;
    const float span = std::max(x1 - x0, 1e-3f);
    for (const RibbonSample& sample : samples) {
        const LayerLight light = lightAt(sample);
        stops.push_back({(sample.x - x0) / span, light.colour, std::clamp(light.alpha, 0.0f, 1.0f)});
    }
    return Paint::linear({x0, 0}, {x1, 0}, std::move(stops));
}

void drawRibbon(VectorPainter& painter, const Story& story, const FramePlan& plan, const LaneCurve& curve, float clock) {
    const LaneIndex lane = curve.lane;
    const LanePalette& palette = lanePalette(story.lanes[static_cast<std::size_t>(lane)].kind);
    const LaneIndex parent = story.parentLane(lane);
    const LanePalette& parentPalette =
        parent == kNone ? palette : lanePalette(story.lanes[static_cast<std::size_t>(parent)].kind);
    const bool dream = palette.pattern == 1;
    const float core = palette.coreHalfWidth;
    const float glowWidth = palette.glowWidth * plan.ribbonGlowScale;
    const float playheadX = plan.playhead.x;
    const std::vector<RibbonSample> samples = ribbonSamples(curve, playheadX);
    const float x0 = curve.points.front().x, x1 = curve.points.back().x;

    // Where the light ahead of the playhead dims, and how the dream peels out of its parent's colour.
    auto ahead = [&](float x) { return smoothstep(playheadX - 4, playheadX + 4, x); };
    auto blend = [&](const RibbonSample& s) { return dream ? smoothstep(0.0f, 0.65f, s.separation) : 1.0f; };
    auto presence = [&](const RibbonSample& s) { return dream ? smoothstep(0.0f, 0.3f, s.separation) : 1.0f; };
    const float shimmer = dream ? 0.75f : 1.0f;  // the dream's shimmer, at its mean

    std::vector<StrokeLayer> layers;
    // The glow: exp(-1.6 ((d - core/2) / glowWidth)²) * 0.55 of light, laid down as strokes from the widest
    // in, each alpha chosen so that the light piled up at a distance is the glow there.
    auto glowAt = [&](float d) {
        const float g = std::max(d - core * 0.5f, 0.0f) / glowWidth;
        return std::exp(-g * g * 1.6f) * 0.55f * (dream ? 0.8f + 0.4f * shimmer : 1.0f);
    };
    constexpr int kGlowLayers = 9;
    const float reach = core + glowWidth * kRibbonGlowReach;
    float covered = 0;
    for (int j = 0; j < kGlowLayers; ++j) {
        const float outer = core + (reach - core) * (1.0f - static_cast<float>(j) / kGlowLayers);
        const float inner = core + (reach - core) * (1.0f - static_cast<float>(j + 1) / kGlowLayers);
        const float target = std::min(glowAt((outer + inner) / 2), 0.95f);
        const float alpha = 1.0f - (1.0f - target) / (1.0f - covered);
        covered = target;
        if (alpha <= 0.002f) continue;
        layers.push_back({2 * outer, ribbonPaint(samples, x0, x1, [&](const RibbonSample& s) {
                              const Colour colour = mix(parentPalette.core, palette.glow, blend(s));
                              return LayerLight{colour, alpha * mix(1.0f, kDimAhead, ahead(s.x)) * presence(s)};
                          })});
    }
    // The core covers; ahead of the playhead it is dimmer and a little transparent.
    layers.push_back({2 * core, ribbonPaint(samples, x0, x1, [&](const RibbonSample& s) {
                          const float a = ahead(s.x);
                          const float coverage = (dream ? 0.8f : 1.0f) * presence(s) * mix(1.0f, 0.75f, a);
                          const float light = mix(1.0f, kDimAhead, a) / mix(1.0f, 0.75f, a);
                          const Colour colour = mix(parentPalette.core, scaled(palette.core, shimmer), blend(s));
                          return LayerLight{scaled(colour, light), coverage};
                      })});
    // The hot centre line (the dream's is faint, under its row of travelling dots).
    const float hotStrength = dream ? 0.35f : 0.85f;
    layers.push_back({core * 1.1f, ribbonPaint(samples, x0, x1, [&](const RibbonSample& s) {
                          const float light = mix(1.0f, kDimAhead, ahead(s.x));
                          return LayerLight{scaled(palette.hot, light), hotStrength * presence(s)};
                      })});
    if (dream) {
        // Dots 14 pixels apart, at phase 0.5 of fract(along / 14 - time * 0.35).
        const float phase = 0.5f + clock * 0.35f;
        StrokeLayer dots{2.4f, ribbonPaint(samples, x0, x1, [&](const RibbonSample& s) {
                             const float light = mix(1.0f, kDimAhead, ahead(s.x));
                             return LayerLight{scaled(palette.hot, light), presence(s)};
                         })};
        dots.dashGap = 14.0f;
        dots.dashOffset = -14.0f * (phase - std::floor(phase));
        layers.push_back(dots);
    }
    painter.strokePath(curve.points, layers);
}

void drawRibbons(VectorPainter& painter, const Story& story, const FramePlan& plan, float clock) {
    // Parents first, so a forked lane lies over the lane it peels out of.
    for (int pass = 0; pass < 2; ++pass) {
        for (const LaneCurve& curve : plan.layout.lanes) {
            if (curve.points.size() < 2 || !plan.laneDrawn[static_cast<std::size_t>(curve.lane)]) continue;
            if ((story.parentLane(curve.lane) != kNone) != (pass == 1)) continue;
            drawRibbon(painter, story, plan, curve, clock);
        }
    }
}

// ---- Playhead (beam.frag) ---------------------------------------------------------------------------------

void drawPlayhead(VectorPainter& painter, const FramePlan& plan) {
    const PlayheadPlan& playhead = plan.playhead;
    if (!playhead.drawn) return;
    const float height = playhead.bottom - playhead.top;
    // Fades in over the top 35% of its height.
    auto fading = [&](const Colour& colour, float alpha) {
        std::vector<ColourStop> stops;
        for (int i = 0; i <= 4; ++i) {
            const float share = 0.35f * static_cast<float>(i) / 4;
            stops.push_back({share, colour, alpha * smoothstep(0.0f, 0.35f, share)});
        }
        stops.push_back({1.0f, colour, alpha});
        return Paint::linear({0, playhead.top}, {0, playhead.bottom}, std::move(stops));
    };
    const Colour& glow = lanePalette(LaneKind::Real).glow;
    constexpr float kStrip = 2.0f;
    for (float left = -kBeamHalfWidth; left < kBeamHalfWidth; left += kStrip) {
        const float d = std::fabs(left + kStrip / 2);
        const float light = std::exp(-d * d / 90.0f) * 0.35f + std::exp(-d / 3.0f) * 0.25f;
        painter.fillRect({playhead.x + left, playhead.top, kStrip, height}, fading(glow, light));
    }
    painter.fillRect({playhead.x - 0.75f, playhead.top, 1.5f, height}, fading(kBeamColour, 1.0f));
}

// ---- Nodes (node.frag) ------------------------------------------------------------------------------------

template <typename AlphaAt>
Paint radialProfile(const Colour& colour, float reach, AlphaAt alphaAt) {
    std::vector<ColourStop> stops;
    for (int i = 0; i <= 10; ++i) {
        const float d = reach * static_cast<float>(i) / 10;
        stops.push_back({static_cast<float>(i) / 10, colour, std::clamp(alphaAt(d), 0.0f, 1.0f)});
    }
    return Paint::radial(std::move(stops));
}

void drawNode(VectorPainter& painter, const Story& story, const FramePlan& plan, const ViewState& state, std::size_t i) {
    const EventMark& mark = plan.layout.events[i];
    const Event& event = story.events[static_cast<std::size_t>(mark.event)];
    const LanePalette& palette = lanePalette(story.lanes[static_cast<std::size_t>(event.lane)].kind);
    const bool hinge = mark.isFork || mark.isRejoin;
    const bool cluster = mark.isCluster();
    const bool crowded = !plan.laneDrawn[static_cast<std::size_t>(event.lane)];
    const float r = mark.radius;
    const glm::vec2 centre = mark.position;
    const float lit = event.time <= plan.playhead.time + 1e-9 ? 1.0f : 0.0f;
    const int emphasis = mark.event == state.selectedEvent ? 2 : mark.event == state.hoveredEvent ? 1 : 0;
    const SearchPlan& search = plan.search;
    const bool match = search.active && search.markMatches[i];
    const float fade = search.active && !match && emphasis == 0 ? 0.35f : 1.0f;
    const Colour& colour = palette.node;

    const float glowStrength = mix(0.25f, 0.7f, lit) * (cluster ? 0.4f : 1.0f);
    if (!crowded) {  // the glow around it
        const float extent = r * 2.4f + (hinge ? 14.0f : 8.0f);
        painter.fillCircle(centre, extent, radialProfile(colour, extent, [&](float d) {
                               return std::exp(-(d * d) / (r * r * 2.2f)) * glowStrength;
                           }), fade);
    }
    if (emphasis > 0) {  // hovered or selected: a brighter halo
        const float extent = r * 3.2f;
        painter.fillCircle(centre, extent, radialProfile(colour, extent, [&](float d) {
                               return std::exp(-(d * d) / (r * r * 5.0f)) * 0.45f;
                           }), fade);
    }
    // The disc: its lane's colour, dimmer ahead of the playhead, white-hot towards the centre, its glow added.
    const Colour base = scaled(colour, mix(0.55f, 1.0f, lit));
    std::vector<ColourStop> disc;
    for (int k = 0; k <= 6; ++k) {
        const float d = r * static_cast<float>(k) / 6;
        const float hot = 1.0f - smoothstep(0.0f, r * 0.7f, d);
        const Colour shaded = mix(base, kNodeHotColour, hot * mix(0.35f, 0.85f, lit));
        const float glow = crowded ? 0.0f : std::exp(-(d * d) / (r * r * 2.2f)) * glowStrength;
        const Colour added{std::min(1.0f, shaded.r + colour.r * glow), std::min(1.0f, shaded.g + colour.g * glow),
                           std::min(1.0f, shaded.b + colour.b * glow)};
        disc.push_back({static_cast<float>(k) / 6, added, fade});
    }
    painter.fillCircle(centre, r, Paint::radial(disc));
    if (cluster) {  // a faint ring of its own colour, as of marks stacked behind it
        painter.strokeCircle(centre, r + 3.5f, 1.6f, Paint::solid(colour, 0.7f * mix(0.5f, 1.0f, lit) * fade));
    } else if (hinge) {  // a fork or rejoin: a ring of the dream's colour
        painter.strokeCircle(centre, r + 5.0f, 2.0f,
                             Paint::solid(scaled(lanePalette(LaneKind::Dream).core, mix(0.6f, 1.0f, lit)), fade));
    }
    if (match) {
        painter.strokeCircle(centre, r + (hinge ? 9.5f : 6.5f) + (emphasis == 2 ? 3.5f : 0.0f), 2.6f,
                             Paint::solid(kSearchRing, 1));
    }
    if (emphasis == 2) painter.strokeCircle(centre, r + (hinge ? 9.5f : 5.5f), 2.2f, Paint::solid(kWhite, 1));
}

void drawNodes(VectorPainter& painter, const Story& story, const FramePlan& plan, const ViewState& state) {
    for (std::size_t i = 0; i < plan.layout.events.size(); ++i) drawNode(painter, story, plan, state, i);
}

// ---- Canvas text and ruler (canvas_labels.cpp) ------------------------------------------------------------

// Canvas text, measured as drawn; with a shadow one pixel under it, as the window's canvas text has.
void canvasText(VectorPainter& painter, const VectorFonts& fonts, TextStyle style, glm::vec2 at, const Colour& colour,
                float alpha, std::string_view words, bool shadow) {
    TextRun run;
    run.text = words;
    run.topLeft = at;
    run.style = style;
    run.colour = colour;
    run.alpha = alpha;
    run.shadow = shadow;
    run.width = fonts.width(faceFor(style), words);
    painter.text(run);
}

void shadowedText(VectorPainter& painter, const VectorFonts& fonts, TextStyle style, glm::vec2 at, const Colour& colour,
                  float alpha, std::string_view words) {
    canvasText(painter, fonts, style, at, colour, alpha, words, true);
}

// Text as the frame plan shortened it: its start, then an ellipsis when it was cut.
std::string shownText(std::string_view text, const ShortenedText& shortened) {
    std::string shown(shortened.shown(text));
    if (shortened.shortened) shown += kEllipsis;
    return shown;
}

void plainText(VectorPainter& painter, const VectorFonts& fonts, TextStyle style, glm::vec2 at, const Colour& colour,
               float alpha, std::string_view words) {
    canvasText(painter, fonts, style, at, colour, alpha, words, false);
}

void drawRuler(VectorPainter& painter, const VectorFonts& fonts, const Story& story, const FramePlan& plan) {
    const CanvasTextLook& look = kCanvasText;
    const Rect& ruler = plan.layout.ruler;
    const Rect& canvas = plan.view.canvas;
    painter.beginGroup("ruler");
    painter.fillRect(ruler, Paint::solid(look.rulerBand, look.rulerBandAlpha));
    painter.strokeLine({ruler.x, ruler.y + 0.5f}, {ruler.right(), ruler.y + 0.5f}, 1, Paint::solid(kMoonlight, look.rulerEdgeAlpha));
    for (const EraBand& band : plan.layout.eras) {
        if (band.era % 2 == 1) {
            painter.fillRect({band.x0, ruler.y + 1, band.x1 - band.x0, ruler.height - 1}, Paint::solid(kMoonlight, look.oddEraAlpha));
        }
        if (band.startX >= canvas.x && band.startX <= canvas.right()) {
            const float x = band.startX + 0.5f;
            painter.strokeLine({x, canvas.y + canvas.height * look.eraLineTopShare}, {x, ruler.bottom()}, 1,
                               Paint::solid(kMoonlight, look.eraLineSkyAlpha));
            painter.strokeLine({x, ruler.y}, {x, ruler.bottom()}, 1, Paint::solid(kMoonlight, look.eraLineRulerAlpha));
        }
    }
    for (const EraLabelPlan& label : plan.eraLabels) {
        plainText(painter, fonts, TextStyle::Bold, label.at, label.current ? kRealPalette.label : kMoonlight,
                  label.current ? 1.0f : look.eraNameAlpha, story.eras[static_cast<std::size_t>(label.era)].name);
    }
    for (const RulerTick& tick : plan.layout.ticks) {
        const float length = tick.major ? look.majorTickLength : look.minorTickLength;
        painter.strokeLine({tick.x + 0.5f, ruler.y}, {tick.x + 0.5f, ruler.y + length}, 1,
                           Paint::solid(kMoonlight, tick.major ? look.majorTickAlpha : look.minorTickAlpha));
    }
    for (const RulerLabelPlan& label : plan.ruler.labels) {
        plainText(painter, fonts, TextStyle::Small, label.at, kMoonlight, look.tickLabelAlpha, label.text.c_str());
    }
    if (plan.ruler.pointerShown) {
        const Rect& tag = plan.ruler.pointerBox;
        painter.strokeLine({plan.ruler.pointerX, tag.bottom()}, {plan.ruler.pointerX, ruler.bottom()}, 1,
                           Paint::solid(kMoonlight, 0.5f));
        painter.fillRoundedRect(tag, 4, Paint::solid(look.pointerTag, 0.95f));
        painter.strokeRoundedRect(tag, 4, 1, Paint::solid(kMoonlight, 0.35f));
        plainText(painter, fonts, TextStyle::Small, {tag.x + 6, tag.y + 2}, kMoonlight, 0.95f, plan.ruler.pointerText.c_str());
    }
    if (plan.playhead.onCanvas) {
        const float x = plan.playhead.x;
        painter.fillPolygon({{x - 6, ruler.y}, {x + 6, ruler.y}, {x, ruler.y + 8}}, Paint::solid(look.knob, look.knobAlpha));
        const Rect handle = plan.playhead.handle();
        const glm::vec2 centre{handle.x + handle.width / 2, handle.y + handle.height / 2};
        painter.fillCircle(centre, look.knobGlowRadius, Paint::solid(lanePalette(LaneKind::Real).glow, look.knobGlowAlpha));
        painter.fillCircle(centre, look.knobRadius, Paint::solid(look.knob, look.knobAlpha));
    }
    painter.endGroup();
}

void drawCanvasText(VectorPainter& painter, const VectorFonts& fonts, const Story& story, const FramePlan& plan) {
    const CanvasTextLook& look = kCanvasText;
    const Rect& canvas = plan.view.canvas;
    painter.pushClip(canvas);
    if (plan.title.shown) {
        painter.beginGroup("title");
        shadowedText(painter, fonts, TextStyle::Title, plan.title.titleAt, kTitleColour, 1,
                     shownText(story.title, plan.title.titleText));
        if (!plan.title.credit.empty()) {
            shadowedText(painter, fonts, TextStyle::Small, plan.title.creditAt, kMoonlight, look.creditAlpha,
                         shownText(plan.title.credit, plan.title.creditText));
        }
        painter.endGroup();
    }
    painter.beginGroup("lanes");
    for (const LaneHeaderPlan& header : plan.laneHeaders) {
        const Lane& lane = story.lanes[static_cast<std::size_t>(header.lane)];
        const Colour& colour = lanePalette(lane.kind).label;
        const float fade = header.overNode ? look.overNodeFade : 1.0f;
        painter.fillRoundedRect(header.pill, look.pillRadius, Paint::solid(look.pill, look.pillAlpha * fade));
        painter.strokeRoundedRect(header.pill, look.pillRadius, 1, Paint::solid(colour, look.pillBorderAlpha * fade));
        shadowedText(painter, fonts, TextStyle::Bold, header.textAt, colour, look.laneNameAlpha * fade,
                     shownText(lane.title, header.name));
    }
    painter.endGroup();
    painter.beginGroup("labels");
    for (const EventLabelPlan& label : plan.labels) {
        const Event& event = story.events[static_cast<std::size_t>(label.event)];
        const LanePalette& palette = lanePalette(story.lanes[static_cast<std::size_t>(event.lane)].kind);
        shadowedText(painter, fonts, TextStyle::Body, {label.box.x, label.box.y}, palette.label,
                     eventLabelAlpha(label.emphasised, label.dimmed, label.passed), shownText(event.title, label.text));
    }
    painter.endGroup();
    if (!plan.notice.empty()) {
        shadowedText(painter, fonts, TextStyle::Small, plan.noticeAt, kMoonlight, look.noticeAlpha, plan.notice);
    }
    if (plan.search.active) {
        const Rect& box = plan.search.captionBox;
        painter.fillRoundedRect(box, 6, Paint::solid(look.captionBox, look.captionBoxAlpha));
        painter.strokeRoundedRect(box, 6, 1, Paint::solid(kSearchRing, look.captionBorderAlpha));
        shadowedText(painter, fonts, TextStyle::Small, plan.search.captionAt, kSearchRing, 1, plan.search.caption);
    }
    drawRuler(painter, fonts, story, plan);
    painter.popClip();
}

}  // namespace

void drawVectorFrame(VectorPainter& painter, const VectorFonts& fonts, const VectorFrameInputs& inputs) {
    const Story& story = *inputs.story;
    const FramePlan& plan = *inputs.plan;
    const ViewState& state = *inputs.state;
    const float clock = plan.animationTime;
    painter.beginGroup("sky");
    drawSky(painter, plan);
    drawStars(painter, plan, clock, state.reducedMotion);
    painter.endGroup();
    painter.beginGroup("ribbons");
    // (The dots' dash offset is one for the whole path: the clock unstepped, within half a pixel of the window's.)
    drawRibbons(painter, story, plan, state.reducedMotion ? 0.0f : clock);
    painter.endGroup();
    painter.beginGroup("playhead");
    drawPlayhead(painter, plan);
    painter.endGroup();
    painter.beginGroup("events");
    drawNodes(painter, story, plan, state);
    painter.endGroup();
    drawCanvasText(painter, fonts, story, plan);
    if (plan.panels) drawVectorPanels(painter, fonts, inputs);
}

}  // namespace epilogue
