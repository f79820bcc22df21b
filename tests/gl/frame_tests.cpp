// Tier 2 (headless frames): render the default story into a fixed-size target and check what a person
// would check: gold where real-lane events are, violet-blue where dream-lane events are, one lane before
// the fork and two after it, the playhead where the time says, and the same pixels for the same inputs.
#include "app/frame.h"
#include "allocation_counter.h"
#include "app/platform_window.h"
#include "app/png_writer.h"
#include "app/view_report.h"
#include "render/gl_errors.h"
#include "render/shader_program.h"
#include "story/story_loader.h"
#include "timeline/view_commands.h"

#include <doctest/doctest.h>
#include <imgui.h>
#include <stb/stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <memory>
#include <vector>

using namespace epilogue;

namespace {

constexpr float kWidth = 960, kHeight = 540;

struct Pixel {
    int r, g, b;
    int brightness() const { return r + g + b; }
};

// One window, one GL context, one composer for all tests in this file (creating them costs ~100 ms).
struct Renderer {
    PlatformWindow window;
    FrameComposer composer;
    Story story;
    std::vector<std::uint8_t> pixels;

    Renderer() {
        std::string error;
        REQUIRE_MESSAGE(window.open({true, static_cast<int>(kWidth), static_cast<int>(kHeight), "test"}, error), error);
        REQUIRE_MESSAGE(composer.initialize(1.0f, error), error);
        StoryLoadResult loaded = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
        REQUIRE(loaded.ok());
        story = std::move(loaded.story);
    }

    ViewState wholeStory(double playhead) const {
        ViewState state;
        state.view = fitStory(story, {0, 0, kWidth, kHeight}, composer.style().laneHeaderWidth);
        state.playheadTime = playhead;
        return state;
    }

    // Draws one frame the one way every output does; false with the message if it fails.
    void draw(ViewState& state, float scale, float animationTime, const FrameOptions& options) {
        std::string error;
        UiRequests requests;
        REQUIRE_MESSAGE(composer.draw(window, story, state, {kWidth, kHeight, scale}, animationTime, 1.0f / 60, options,
                                      requests, error),
                        error);
    }

    void render(ViewState& state, float animationTime = 2.0f, bool labels = true) {
        draw(state, 1.0f, animationTime, FrameOptions{false, labels});
        composer.target().readPixels(pixels);
        REQUIRE(pixels.size() == static_cast<std::size_t>(kWidth * kHeight * 4));
    }

    const FramePlan& plan() const { return composer.plan(); }

    Pixel at(float x, float y) const {
        const auto index = (static_cast<std::size_t>(std::lround(y)) * static_cast<std::size_t>(kWidth) +
                            static_cast<std::size_t>(std::lround(x))) * 4;
        return {pixels[index], pixels[index + 1], pixels[index + 2]};
    }

    const EventMark& mark(const char* id) const {
        const EventIndex index = story.findEvent(id);
        const EventMark* m = plan().markOf(index);
        if (!m) FAIL("no mark for " << id);
        return *m;
    }

    // Ribbon cores crossed going down the column at x (bright runs at least 3 pixels tall, which a
    // star is not), between the canvas top and the ruler.
    int ribbonsInColumn(float x) const {
        int ribbons = 0, run = 0;
        const int bottom = static_cast<int>(plan().layout.ruler.y) - 4;
        for (int y = 0; y < bottom; ++y) {
            const bool bright = at(x, static_cast<float>(y)).brightness() > 450;
            run = bright ? run + 1 : 0;
            if (run == 3) ++ribbons;
        }
        return ribbons;
    }
};

Renderer& renderer() {
    static std::unique_ptr<Renderer> instance;
    if (!instance) instance = std::make_unique<Renderer>();
    return *instance;
}

}  // namespace

TEST_CASE("real-lane events are gold, dream-lane events violet-blue") {
    Renderer& r = renderer();
    ViewState state = r.wholeStory(r.story.endTime);
    r.render(state);
    // Just outside each node's white-hot disc, above it and off the ribbon, its own glow shows.
    for (const std::string id : {"keith-band", "audition", "five-years", "night-out"}) {
        const EventMark& m = r.mark(id.c_str());
        const Pixel p = r.at(m.position.x, m.position.y - m.radius - 2);
        INFO(id << " rgb " << p.r << "," << p.g << "," << p.b);
        CHECK(p.r > 150);
        CHECK(p.r > p.b + 60);  // warm
    }
    for (const std::string id : {"turns-down-keith", "actress", "child-married"}) {
        const EventMark& m = r.mark(id.c_str());
        const Pixel p = r.at(m.position.x, m.position.y - m.radius - 2);
        INFO(id << " rgb " << p.r << "," << p.g << "," << p.b);
        CHECK(p.b > 150);
        CHECK(p.b > p.r + 30);  // cool
    }
}

TEST_CASE("one lane before the fork, two after it, one again after the rejoin") {
    Renderer& r = renderer();
    ViewState state = r.wholeStory(r.story.endTime);
    r.render(state, 2.0f, false);  // the scene alone: no text to mistake for a ribbon
    const TimelineView& view = state.view;
    const double fork = r.story.events[static_cast<std::size_t>(r.story.findEvent("restaurant"))].time;
    const double rejoin = r.story.events[static_cast<std::size_t>(r.story.findEvent("final-notes"))].time;
    CHECK(r.ribbonsInColumn(view.timeToX(fork - 2)) == 1);
    CHECK(r.ribbonsInColumn(view.timeToX(30)) == 2);  // summer: both lives, apart
    const double theLook = r.story.events[static_cast<std::size_t>(r.story.findEvent("the-look"))].time;
    CHECK(r.ribbonsInColumn(view.timeToX((rejoin + theLook) / 2)) == 1);
}

TEST_CASE("the playhead is drawn where its time says, and what lies ahead is dimmer") {
    Renderer& r = renderer();
    ViewState state = r.wholeStory(35);
    r.render(state);
    const float x = state.view.timeToX(35);
    const float skyY = r.plan().layout.laneRowY[0] - 50;  // open sky above the dream lane
    const Pixel onBeam = r.at(x, skyY);
    const Pixel besideBeam = r.at(x + 40, skyY);
    INFO("beam " << onBeam.r << "," << onBeam.g << "," << onBeam.b);
    CHECK(onBeam.brightness() > 450);
    CHECK(besideBeam.brightness() < 250);
    // The real lane's ribbon behind the playhead against the same ribbon ahead of it.
    const float laneY = r.plan().layout.laneRowY[1];
    const Pixel behind = r.at(state.view.timeToX(30), laneY);
    const Pixel ahead = r.at(state.view.timeToX(40.5), laneY);
    CHECK(behind.brightness() > ahead.brightness() + 150);
}

TEST_CASE("the same inputs draw the same pixels; the animation clock is an input") {
    Renderer& r = renderer();
    ViewState state = r.wholeStory(50);
    r.render(state, 3.0f);
    const std::vector<std::uint8_t> first = r.pixels;
    r.render(state, 3.0f);
    CHECK(first == r.pixels);
    r.render(state, 7.5f);
    CHECK(first != r.pixels);  // the stars twinkle and the dream shimmers
    state.reducedMotion = true;
    r.render(state, 3.0f);
    const std::vector<std::uint8_t> still = r.pixels;
    r.render(state, 7.5f);
    CHECK(still == r.pixels);  // reduced motion: the clock no longer moves anything
}

TEST_CASE("selecting an event changes its node") {
    Renderer& r = renderer();
    ViewState state = r.wholeStory(r.story.endTime);
    r.render(state);
    const EventMark& m = r.mark("paris");
    const glm::vec2 ring = m.position - glm::vec2(0, m.radius + 5.5f);  // above the node, off the ribbon
    const int before = r.at(ring.x, ring.y).brightness();
    state.selectedEvent = r.story.findEvent("paris");
    r.render(state);
    const int after = r.at(ring.x, ring.y).brightness();
    CHECK(after > before + 100);  // the white selection ring
}

TEST_CASE("steady-state frames allocate nothing, also while the playhead moves") {
    Renderer& r = renderer();
    // Frames drawn whole, and the window's, drawn only where they changed.
    for (const bool onlyWhatChanged : {false, true}) {
        ViewState state = r.wholeStory(20);
        FrameOptions options{true, true};
        options.onlyWhatChanged = onlyWhatChanged;
        // The scrub twice: the first time, the commentary panel wraps the text of each event the playhead
        // reaches (shaped and wrapped once, kept); the second time is counted.
        std::size_t before = 0;
        for (int pass = 0; pass < 2; ++pass) {
            if (pass == 1) before = testing::allocationCount();
            for (int frame = pass == 0 ? -3 : 0; frame < 30; ++frame) {  // three frames of warm-up, then thirty
                state.playheadTime = 20 + std::max(frame, 0) * 0.5;  // scrubbing across events
                std::string error;
                UiRequests requests;
                REQUIRE(r.composer.draw(r.window, r.story, state, {kWidth, kHeight, 1.0f},
                                        1.0f + static_cast<float>(frame) / 60.0f, 1.0f / 60, options, requests, error));
            }
        }
        const std::size_t allocations = testing::allocationCount() - before;
        INFO("only what changed: " << onlyWhatChanged);
        CHECK(allocations == 0);
    }
}

TEST_CASE("a tour's frames allocate nothing once its text has been seen, while the camera moves and the stop holds") {
    Renderer& r = renderer();
    ViewState state = r.wholeStory(20);
    applyViewCommand(r.story, 150, state, ViewCommand::startTour());
    REQUIRE(state.tour.active);
    const TourStop& stop = state.tour.tour.stops[3];
    // The stop's move and hold twice: the first time its words and the labels the camera passes are laid out
    // (the text caches keep them), the second time is counted.
    std::size_t before = 0;
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1) before = testing::allocationCount();
        for (int frame = 0; frame < 40; ++frame) {
            state.tour.clock = stop.startsAt + frame * 0.1;
            showTourMoment(state);
            std::string error;
            UiRequests requests;
            REQUIRE(r.composer.draw(r.window, r.story, state, {kWidth, kHeight, 1.0f}, 1.0f + static_cast<float>(frame) / 60.0f,
                                    1.0f / 60, FrameOptions{true, true}, requests, error));
        }
    }
    CHECK(testing::allocationCount() - before == 0);
    CHECK(r.composer.plan().tour.active);
    CHECK(r.composer.plan().tour.stop == 3);
}

// Frames composed from cached layers (the default) against frames drawn whole, straight into the target
// (SceneRenderer::draw), over a scrub with the stars twinkling and the dream shimmering, a selection, a
// hover, a change of view that must redraw the layers whole, and reduced motion. The scene alone: the
// canvas text and panels are drawn over it the same way in both.
TEST_CASE("a frame composed from cached layers is the frame drawn whole, over a scrub and a change of view") {
    Renderer& r = renderer();
    const FrameOptions sceneOnly{false, false};
    ViewState state = r.wholeStory(20);
    std::vector<std::uint8_t> composed;
    int changesOnly = 0;
    for (int frame = 0; frame < 24; ++frame) {
        state.playheadTime = 20 + frame * 0.9;  // across events: nodes are passed, the beam and the dimming move
        if (frame == 8) state.selectedEvent = r.story.findEvent("paris");
        if (frame == 10) state.hoveredEvent = r.story.findEvent("five-years");
        if (frame == 13) setVisibleRange(state, 15, 60);  // zoomed in: nothing cached still holds
        if (frame == 19) state.reducedMotion = true;      // the clock no longer moves anything
        const float animationTime = 1.0f + static_cast<float>(frame) / 60.0f;
        r.composer.setRedrawChangesOnly(true);
        r.draw(state, 1.0f, animationTime, sceneOnly);
        r.composer.target().readPixels(composed);
        const SceneRenderer::Redraw redraw = r.composer.lastSceneRedraw();
        if (frame == 13) CHECK(redraw == SceneRenderer::Redraw::Everything);
        if (frame > 0 && frame != 13) CHECK(redraw != SceneRenderer::Redraw::Everything);
        if (redraw == SceneRenderer::Redraw::Changes) ++changesOnly;

        r.composer.setRedrawChangesOnly(false);
        r.draw(state, 1.0f, animationTime, sceneOnly);
        r.composer.target().readPixels(r.pixels);
        REQUIRE(composed.size() == r.pixels.size());
        // Tolerance: the composed frame lays the ribbons, playhead and nodes over the stars as one layer of
        // 8-bit premultiplied colour, where the whole frame blends each shape straight onto them: colours are
        // rounded at other steps, which moves a channel by at most 4 steps of 255 (measured: 4, on about 0.1%
        // of the channels, never alpha). Where glows add up past white under a covering shape, the whole
        // frame clips before the shape covers them and the layer after: a few pixels (measured: under 10)
        // differ by more. A missed change (a node left unlit, the beam left behind, a stale shimmer) moves
        // hundreds of pixels by tens of steps; the exact comparison below catches even one.
        std::size_t beyondRounding = 0, alpha = 0;
        for (std::size_t i = 0; i < composed.size(); ++i) {
            const int d = std::abs(static_cast<int>(composed[i]) - static_cast<int>(r.pixels[i]));
            if (d > 4) ++beyondRounding;
            if (i % 4 == 3 && d != 0) ++alpha;
        }
        INFO("channels differing by more than 4 steps: " << beyondRounding << "; alphas differing: " << alpha);
        CHECK(beyondRounding <= 40);
        CHECK(alpha == 0);

        // Every few frames, after a run of frames that redrew only what changed: the cached layers redrawn
        // whole give exactly the same pixels.
        if (frame % 6 == 5) {
            r.composer.setRedrawChangesOnly(true);
            r.composer.forgetSceneLayers();
            r.draw(state, 1.0f, animationTime, sceneOnly);
            CHECK(r.composer.lastSceneRedraw() == SceneRenderer::Redraw::Everything);
            r.composer.target().readPixels(r.pixels);
            CHECK(composed == r.pixels);
        }
    }
    CHECK(changesOnly >= 15);  // the frames above did redraw only what changed
    CHECK(takeGlErrors().empty());

    // Nothing moving (the sky still, the playhead held): nothing is redrawn, and the frame stays the same.
    r.composer.setRedrawChangesOnly(true);
    r.draw(state, 1.0f, 1.0f + 23.0f / 60.0f, sceneOnly);
    r.composer.target().readPixels(r.pixels);
    r.draw(state, 1.0f, 1.0f + 23.0f / 60.0f, sceneOnly);
    CHECK(r.composer.lastSceneRedraw() == SceneRenderer::Redraw::Nothing);
    r.composer.target().readPixels(composed);
    CHECK(composed == r.pixels);
}

TEST_CASE("a frame drawn only where it changed is the frame drawn whole, pixel for pixel, panels and text too") {
    Renderer& r = renderer();
    r.composer.setRedrawChangesOnly(true);
    FrameOptions options;  // panels, labels and the tooltip, as the window draws them
    options.tooltip = true;
    options.onlyWhatChanged = true;
    ViewState state = r.wholeStory(20);
    std::vector<std::uint8_t> drawn;
    int partial = 0, compared = 0;
    long long partialPixels = 0;
    for (int frame = 0; frame < 40; ++frame) {
        state.playheadTime = 20 + frame * 0.7;  // across events: nodes passed, labels lit, the panels follow
        if (frame == 8) state.selectedEvent = r.story.findEvent("paris");
        if (frame == 11) state.hoveredEvent = r.story.findEvent("five-years");  // its tooltip shows
        if (frame == 15) state.hoveredEvent = kNone;
        if (frame == 18) setVisibleRange(state, 15, 60);  // zoomed in: everything changes
        if (frame == 27) state.searchQuery = "paris";     // the canvas rings the matches, the list narrows
        if (frame == 33) state.reducedMotion = true;      // the sky stills
        // The sky's clock moves a 60th of a second a frame, stepping a sixth of the columns' readings.
        const float animationTime = 1.0f + static_cast<float>(frame) / 60.0f;
        r.draw(state, 1.0f, animationTime, options);
        const long long whole = static_cast<long long>(kWidth * kHeight);
        long long area = 0;
        for (const PixelRect& rect : r.composer.drawnRectangles()) area += rect.area();
        if (!r.composer.drewEverything() && area < whole) {
            ++partial;
            partialPixels += area;
        }
        // Every few frames: the frame those partial redraws left is the frame drawn whole. (The same inputs
        // drawn once more first: Dear ImGui shows a window that just appeared, a tooltip, a frame later.)
        if (frame % 4 == 3) {
            r.draw(state, 1.0f, animationTime, options);
            r.composer.target().readPixels(drawn);
            r.composer.forgetDrawnFrame();
            r.draw(state, 1.0f, animationTime, options);
            CHECK(r.composer.drewEverything());
            r.composer.target().readPixels(r.pixels);
            REQUIRE(drawn.size() == r.pixels.size());
            std::size_t differing = 0;
            for (std::size_t i = 0; i < drawn.size(); ++i) differing += drawn[i] != r.pixels[i];
            INFO("frame " << frame << ": " << differing << " channels differ");
            CHECK(differing == 0);
            ++compared;
        }
    }
    CHECK(compared == 10);
    CHECK(partial >= 25);  // most frames above were drawn only where they changed...
    INFO("pixels redrawn per partial frame: " << partialPixels / std::max(partial, 1));
    CHECK(partialPixels / std::max(partial, 1) < static_cast<long long>(kWidth * kHeight) / 2);  // ...in less than half of it
    // A frame in which nothing changed (the sky still, nothing moved) draws nothing.
    r.draw(state, 1.0f, 2.0f, options);
    r.draw(state, 1.0f, 2.0f, options);
    CHECK(r.composer.drawnRectangles().empty());
    CHECK_FALSE(r.composer.drewEverything());
    CHECK(takeGlErrors().empty());
}

// Golden image: the whole story with labels and the commentary panel, compared with a PNG made by this
// test. Regenerate after an intended change of the look with
//     EPILOGUE_UPDATE_GOLDENS=1 build/tests/epilogue_gl_tests -tc="golden*"
// and look at the new tests/golden/*.png before committing it.
TEST_CASE("golden image: the whole story at 960x540") {
    Renderer& r = renderer();
    ViewState state = r.wholeStory(50);
    state.selectedEvent = r.story.findEvent("paris");
    r.composer.forgetLabelPlaces();  // as a fresh window: earlier tests' labels do not stay
    for (int frame = 0; frame < 2; ++frame) r.draw(state, 1.0f, 2.0f, FrameOptions{true, true});  // the second has the panel's final layout
    r.composer.target().readPixels(r.pixels);
    const std::string golden = EPILOGUE_GOLDEN_DIR "/la-la-land-960x540.png";
    if (std::getenv("EPILOGUE_UPDATE_GOLDENS")) {
        const PngWriteResult written = writePng(golden, r.pixels, static_cast<int>(kWidth), static_cast<int>(kHeight), true);
        REQUIRE_MESSAGE(written.ok, written.error);
        MESSAGE("wrote " << golden);
        return;
    }
    int width = 0, height = 0, channels = 0;
    unsigned char* expected = stbi_load(golden.c_str(), &width, &height, &channels, 4);
    REQUIRE_MESSAGE(expected != nullptr, "cannot read " << golden);
    REQUIRE(width == static_cast<int>(kWidth));
    REQUIRE(height == static_cast<int>(kHeight));
    // Tolerance: llvmpipe's blending and anti-aliased edges may differ by a few steps between CPUs and
    // Mesa builds, so small differences are allowed on a few pixels; anything a person would notice (a
    // ribbon in another place, a wrong colour, missing text) changes thousands of pixels by far more.
    std::size_t differing = 0;
    double totalDifference = 0;
    for (std::size_t i = 0; i < r.pixels.size(); i += 4) {
        int largest = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            const int d = std::abs(static_cast<int>(r.pixels[i + c]) - static_cast<int>(expected[i + c]));
            largest = std::max(largest, d);
            totalDifference += d;
        }
        if (largest > 24) ++differing;
    }
    stbi_image_free(expected);
    const double pixelCount = static_cast<double>(kWidth * kHeight);
    const double meanDifference = totalDifference / (pixelCount * 3);
    INFO("pixels differing by more than 24 steps: " << differing << "; mean difference " << meanDifference);
    CHECK(static_cast<double>(differing) <= pixelCount * 0.002);  // at most 0.2% of the pixels
    CHECK(meanDifference < 1.0);
}

TEST_CASE("the sidecar's rectangles are where the pixels are, also at pixel scale 2") {
    Renderer& r = renderer();
    for (float scale : {1.0f, 2.0f}) {
        ViewState state = r.wholeStory(r.story.endTime);
        r.draw(state, scale, 2.0f, FrameOptions{false, true});
        std::vector<std::uint8_t> pixels;
        r.composer.target().readPixels(pixels);
        const int width = r.composer.target().width();
        REQUIRE(width == static_cast<int>(kWidth * scale));
        const nlohmann::json sidecar = describeView(r.story, state, r.plan(), StoryFile{});
        auto brightness = [&](double x, double y) {
            const auto index = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
            return pixels[index] + pixels[index + 1] + pixels[index + 2];
        };
        REQUIRE(sidecar["events"].size() == r.story.events.size());
        for (const auto& event : sidecar["events"]) {
            const auto& rect = event["rect"];
            const double cx = rect["x"].get<double>() + rect["width"].get<double>() / 2;
            const double cy = rect["y"].get<double>() + rect["height"].get<double>() / 2;
            INFO("scale " << scale << ", event " << event["id"].get<std::string>());
            CHECK(brightness(cx, cy) > 600);  // the node's white-hot centre
            // Just outside the rectangle, above it, the sky is darker.
            CHECK(brightness(cx, rect["y"].get<double>() - 6 * scale) < brightness(cx, cy) - 150);
        }
        const auto& ruler = sidecar["ruler"];
        CHECK(ruler["width"].get<double>() == doctest::Approx(kWidth * scale));
        const double rulerMiddle = ruler["y"].get<double>() + ruler["height"].get<double>() / 2;
        CHECK(brightness(2, rulerMiddle) < 120);  // the ruler's dark band, left of the first era
        const auto& playhead = sidecar["playhead_rect"];
        const double px = playhead["x"].get<double>() + playhead["width"].get<double>() / 2;
        CHECK(brightness(px, playhead["y"].get<double>() + playhead["height"].get<double>() * 0.5) > 450);
    }
}

TEST_CASE("a change of pixel scale (a screen of another density) re-rasterises the fonts without GL errors") {
    Renderer& r = renderer();
    ViewState state = r.wholeStory(40);
    for (int frame = 0; frame < 2; ++frame) r.draw(state, 1.0f, 2.0f, FrameOptions{});  // earlier tests used scale 2
    const float bodySize = ImGui::GetIO().Fonts->Fonts[0]->FontSize;  // rasterised for scale 1
    float sizeAtScale2 = 0;
    for (float scale : {1.0f, 2.0f, 2.0f, 1.5f, 1.0f, 1.0f}) {
        INFO("scale " << scale);
        r.draw(state, scale, 2.0f, FrameOptions{});
        // The new atlas is made after the first frame at a new scale, so the second frame at 2 has it.
        if (scale == 2.0f) sizeAtScale2 = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
        CHECK(r.composer.target().width() == static_cast<int>(kWidth * scale));
        CHECK(takeGlErrors().empty());
    }
    // The glyphs were rasterised again at twice the pixel size for scale 2, and at the first size again
    // for scale 1 (a global scale alone would keep FontGlobalScale at 1 with blurry, stretched glyphs).
    CHECK(sizeAtScale2 == doctest::Approx(bodySize * 2));
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(bodySize));
    CHECK(ImGui::GetIO().FontGlobalScale == doctest::Approx(1.0f));
}

TEST_CASE("the sidecar's playhead rectangle is where the beam is drawn, from its top to the ruler") {
    Renderer& r = renderer();
    // The same frame with the playhead at t=35 and with it far off to the left: what differs in the
    // playhead's column is the beam (the ribbons ahead of it dim too, but they lie lower, in the lanes).
    ViewState state = r.wholeStory(35);
    state.reducedMotion = true;
    r.render(state, 2.0f, false);
    const std::vector<std::uint8_t> withBeam = r.pixels;
    const nlohmann::json sidecar = describeView(r.story, state, r.plan(), StoryFile{});
    const float skyY = r.plan().layout.laneRowY[0] - 50;  // open sky above the dream lane
    ViewState away = state;
    away.playheadTime = r.story.startTime;
    r.render(away, 2.0f, false);
    const std::vector<std::uint8_t> without = r.pixels;
    const auto& rect = sidecar["playhead_rect"];
    const double x = rect["x"].get<double>() + rect["width"].get<double>() / 2;
    const double top = rect["y"].get<double>(), height = rect["height"].get<double>();
    auto difference = [&](double px, double py) {
        const auto index = (static_cast<std::size_t>(py) * static_cast<std::size_t>(kWidth) + static_cast<std::size_t>(px)) * 4;
        int total = 0;
        for (std::size_t c = 0; c < 3; ++c) total += std::abs(static_cast<int>(withBeam[index + c]) - static_cast<int>(without[index + c]));
        return total;
    };
    INFO("playhead rect x " << x << ", y " << top << ", height " << height);
    REQUIRE(top >= 3);
    // Nothing of the beam above the rectangle; the beam itself from just inside its top edge.
    for (double y = 0; y < top - 1; ++y) CHECK(difference(x, y) <= 3);
    CHECK(difference(x, top + height * 0.05) > 15);
    CHECK(difference(x, skyY) > 300);
    // Its line is the brightest column of the beam, inside the rectangle's width.
    const double middle = skyY;
    double brightestX = 0;
    int brightest = -1;
    for (double px = x - 30; px <= x + 30; ++px) {
        if (difference(px, middle) > brightest) {
            brightest = difference(px, middle);
            brightestX = px;
        }
    }
    CHECK(brightestX >= rect["x"].get<double>() - 0.5);
    CHECK(brightestX <= rect["x"].get<double>() + rect["width"].get<double>() + 0.5);
}

TEST_CASE("a story of 100 lanes draws 100 ribbons") {
    Renderer& r = renderer();
    StoryLoadResult loaded = loadStoryFile(EPILOGUE_TEST_DATA_DIR "/hundred-lanes.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    // Tall enough for each lane's row to stand apart from its neighbours'.
    const float width = 960, height = 3600;
    ViewState state;
    state.view = fitStory(story, {0, 0, width, height}, r.composer.style().laneHeaderWidth);
    state.playheadTime = story.endTime;
    state.reducedMotion = true;
    std::string error;
    UiRequests requests;
    REQUIRE_MESSAGE(r.composer.draw(r.window, story, state, {width, height, 1.0f}, 0, 1.0f / 60, FrameOptions{false, false},
                                    requests, error),
                    error);
    std::vector<std::uint8_t> pixels;
    r.composer.target().readPixels(pixels);
    const FramePlan& plan = r.plan();
    REQUIRE(plan.layout.lanes.size() == 100);
    int drawn = 0, checked = 0, checkedPastSixtyFour = 0;
    for (const LaneCurve& curve : plan.layout.lanes) {
        // The point of its own row (fully apart from its parent) furthest from any node: only the lane's own
        // ribbon can light it.
        glm::vec2 point(-1, -1);
        float clearest = 0;
        for (std::size_t i = 0; i < curve.points.size(); ++i) {
            if (curve.separation[i] < 0.999f) continue;
            float nearest = 1e9f;
            for (const EventMark& mark : plan.layout.events) {
                const glm::vec2 d = mark.position - curve.points[i];
                nearest = std::min(nearest, std::max(std::abs(d.x), std::abs(d.y)) - mark.radius);
            }
            if (nearest > clearest) {
                clearest = nearest;
                point = curve.points[i];
            }
        }
        if (clearest <= 6) continue;  // a lane whose only stretch apart is at a node
        ++checked;
        checkedPastSixtyFour += curve.lane >= 64 ? 1 : 0;
        const auto index = (static_cast<std::size_t>(std::lround(point.y)) * static_cast<std::size_t>(width) +
                            static_cast<std::size_t>(std::lround(point.x))) * 4;
        const int brightness = pixels[index] + pixels[index + 1] + pixels[index + 2];
        INFO("lane " << curve.lane << " at " << point.x << "," << point.y << ": " << brightness);
        CHECK(brightness > 400);
        drawn += brightness > 400 ? 1 : 0;
    }
    MESSAGE(checked << " lanes checked, " << checkedPastSixtyFour << " of them past the 64th");
    CHECK(checked >= 99);
    CHECK(checkedPastSixtyFour >= 35);
    CHECK(drawn == checked);
}

TEST_CASE("every uniform the renderer sets is found; one a program lacks is named in a warning") {
    Renderer& r = renderer();
    CHECK(r.composer.rendererWarnings().empty());
    ShaderProgram program;
    std::string error;
    REQUIRE_MESSAGE(program.build("sprite.vert", "beam.frag", error), error);
    CHECK(program.resolveUniform("uViewSize") >= 0);
    CHECK(program.resolveUniform("uNoSuchUniform") == -1);
    REQUIRE(program.warnings().size() == 1);
    CHECK(program.warnings()[0].find("uNoSuchUniform") != std::string::npos);
    CHECK(program.warnings()[0].find("beam.frag") != std::string::npos);
}

TEST_CASE("a story in dates: steady frames allocate nothing at every zoom of its calendar ruler") {
    Renderer& r = renderer();
    StoryLoadResult loaded = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/example-ides-of-march.json");
    REQUIRE(loaded.ok());
    const Story& dated = loaded.story;
    REQUIRE(dated.calendar);
    const double ides = dated.events[static_cast<std::size_t>(dated.findEvent("ides"))].time;
    // From the whole story (centuries) to a quarter of an hour, the playhead moving across the Ides.
    for (double span : {1.5e10, 3e8, 2e6, 9e4, 900.0}) {
        ViewState state;
        setVisibleRange(state, ides - span / 2, ides + span / 2);
        // Twice, the second time counted: the first, the commentary panel wraps each event's text it meets.
        std::size_t before = 0;
        for (int pass = 0; pass < 2; ++pass) {
            if (pass == 1) before = testing::allocationCount();
            for (int frame = pass == 0 ? -3 : 0; frame < 10; ++frame) {
                state.playheadTime = ides - span / 4 + std::max(frame, 0) * span / 40;
                state.pointerX = 300 + static_cast<float>(std::max(frame, 0)) * 20;  // the time under the pointer too
                std::string error;
                UiRequests requests;
                REQUIRE(r.composer.draw(r.window, dated, state, {kWidth, kHeight, 1.0f}, 1.0f, 1.0f / 60,
                                        FrameOptions{true, true}, requests, error));
            }
        }
        INFO("span " << span << " s");
        CHECK(testing::allocationCount() - before == 0);
        CHECK_FALSE(r.composer.plan().ruler.labels.empty());
    }
    r.composer.forgetLabelPlaces();
}

TEST_CASE("a story in every script: each label is drawn, no character lacks a font, emoji are in colour") {
    Renderer& r = renderer();
    StoryLoadResult loaded = loadStoryFile(EPILOGUE_TEST_DATA_DIR "/every-script.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    ViewState state;
    state.view = fitStory(story, {0, 0, kWidth, kHeight}, r.composer.style().laneHeaderWidth);
    state.playheadTime = story.endTime + 1;  // every label passed: drawn at full strength
    std::string error;
    UiRequests requests;
    r.composer.forgetLabelPlaces();
    for (int frame = 0; frame < 2; ++frame) {
        REQUIRE(r.composer.draw(r.window, story, state, {kWidth, kHeight, 1.0f}, 2.0f, 1.0f / 60, FrameOptions{false, true},
                                requests, error));
    }
    r.composer.target().readPixels(r.pixels);
    CHECK(r.composer.typesetter().missingScripts().empty());
    // Red as in the French flag and the runner's shirt: only colour emoji have it (the labels are gold or violet).
    auto redPixels = [&](const Rect& box) {
        int red = 0;
        for (float y = box.y; y < box.bottom(); ++y) {
            for (float x = box.x; x < box.right(); ++x) {
                const Pixel p = r.at(x, y);
                red += p.r > 170 && p.g < 100 && p.b < 110 ? 1 : 0;
            }
        }
        return red;
    };
    int labelled = 0;
    for (const EventLabelPlan& label : r.composer.plan().labels) {
        const std::string id = story.events[static_cast<std::size_t>(label.event)].id.str();
        INFO("label of " << id);
        ++labelled;
        // The label's text is there: bright pixels over the night sky, at least a few per character's width.
        int lit = 0;
        for (float y = label.box.y; y < label.box.bottom(); ++y) {
            for (float x = label.box.x; x < label.box.right(); ++x) lit += r.at(x, y).brightness() > 360 ? 1 : 0;
        }
        CHECK(lit > static_cast<int>(label.box.width / 2));
        if (id == "emoji") {
            CHECK(redPixels(label.box) > 4);
        } else {
            CHECK(redPixels(label.box) == 0);
        }
    }
    CHECK(labelled >= 10);
    r.composer.forgetLabelPlaces();
}
