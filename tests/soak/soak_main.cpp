// The long session: a headless replay of a long random sequence of user input — scrubbing, zooming,
// panning, clicking, keys, playback, screenshots and reloads of a story file that is sometimes broken —
// driving the window's own Session (src/app/session.h), with its composer and renderer. Fails on a crash
// (and, under the sanitizers, on any report), when a screenshot or a reload goes wrong, or when memory
// grows by 5% or more after warm-up.
//
//   epilogue_soak --events 100000     the long form (a few minutes; see README "Tests")
//   epilogue_soak --events 5000       the form CTest runs
#include "app/frame.h"
#include "app/frame_log.h"
#include "app/platform_window.h"
#include "app/session.h"
#include "story/story_loader.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

using namespace epilogue;
namespace fs = std::filesystem;

namespace {

long residentKilobytes() { return memoryStatusKilobytes("VmRSS"); }

std::string readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    int events = 100000;
    unsigned seed = 1;
    CLI::App app{"epilogue_soak: a long random session, headless", "epilogue_soak"};
    app.add_option("--events", events, "Input events to replay")->check(CLI::Range(100, 100000000));
    app.add_option("--seed", seed, "Seed of the random session");
    CLI11_PARSE(app, argc, argv);

    char scratch[] = "/tmp/epilogue-soak-XXXXXX";
    const fs::path directory = ::mkdtemp(scratch);
    const std::string storyPath = (directory / "story.json").string();
    const std::string goodText = readFile(EPILOGUE_DEFAULT_STORY);
    std::string brokenText = goodText;
    brokenText.replace(brokenText.find("\"lane\": \"dream\""), 15, "\"lane\": \"dreem\"");
    std::ofstream(storyPath, std::ios::binary) << goodText;

    StoryLoadResult loaded = loadStoryFile(storyPath);
    if (!loaded.ok()) return 1;

    const float width = 640, height = 400;
    PlatformWindow window;
    FrameComposer composer;
    std::string error;
    if (!window.open({true, static_cast<int>(width), static_cast<int>(height), "soak"}, error) ||
        !composer.initialize(1.0f, error)) {
        std::fprintf(stderr, "epilogue_soak: %s\n", error.c_str());
        return 1;
    }
    ViewState initial;
    const TimelineView fitted =
        fitStory(loaded.story, screenLayout(width, height, true).canvas, composer.style().laneHeaderWidth);
    setVisibleRange(initial, fitted.startTime, fitted.endTime);
    const fs::path shots = directory / "shots";
    SessionSettings settings;
    settings.screenshotDirectory = shots.string();
    Session session(window, composer, std::move(loaded.story), storyPath, initial, settings);

    std::mt19937 random(seed);
    auto uniform = [&](float low, float high) { return std::uniform_real_distribution<float>(low, high)(random); };
    auto chance = [&](int percent) { return static_cast<int>(random() % 100) < percent; };
    const Key keys[] = {Key::PlayPause, Key::Previous, Key::Next, Key::Home, Key::End, Key::ZoomIn, Key::ZoomOut,
                        Key::Fit,       Key::Help,     Key::Escape};

    long startKilobytes = 0;
    int frames = 0, screenshots = 0, reloads = 0, failedReloads = 0;
    double now = 0;  // the session's clock: a sixtieth of a second for each input event
    // Warm-up: the renderer compiles a shader variant the first time each combination of state is drawn
    // (help, tooltips, zoom levels...), which takes memory once. The first half of the session covers them.
    const int warmUp = events / 2;
    for (int i = 0; i < events; ++i) {
        now += 1.0 / 60;
        // One input event.
        PointerEvent pointer;
        pointer.x = uniform(-20, width + 20);
        pointer.y = chance(40) ? composer.plan().layout.ruler.y + 10 : uniform(-20, height + 20);
        pointer.button = chance(80) ? PointerButton::Left : (chance(50) ? PointerButton::Right : PointerButton::Middle);
        pointer.noSnap = chance(20);
        pointer.clicks = chance(10) ? 2 : 1;
        const int kind = static_cast<int>(random() % 100);
        if (kind < 15) {
            pointer.kind = PointerEvent::Kind::Press;
        } else if (kind < 30) {
            pointer.kind = PointerEvent::Kind::Release;
        } else if (kind < 75) {
            pointer.kind = PointerEvent::Kind::Move;
        } else if (kind < 85) {
            pointer.kind = PointerEvent::Kind::Wheel;
            pointer.wheel = uniform(-3, 3);
        } else if (kind < 87) {
            pointer.kind = PointerEvent::Kind::Leave;
        } else {
            session.key(keys[random() % (sizeof keys / sizeof keys[0])]);
        }
        if (kind < 87) session.pointer(pointer, chance(5));
        session.noteInput(now);

        // A frame every few events, as the window draws after a batch of input.
        if (i % 8 == 0) {
            if (!session.draw({width, height, 1.0f}, now, error)) {
                std::fprintf(stderr, "epilogue_soak: %s\n", error.c_str());
                return 1;
            }
            ++frames;
        }
        // Now and then a screenshot (F12), written by the session's writer thread, checked and removed.
        if (i % 1500 == 750) {
            session.key(Key::Screenshot);
            if (!session.draw({width, height, 1.0f}, now, error)) {
                std::fprintf(stderr, "epilogue_soak: %s\n", error.c_str());
                return 1;
            }
            session.finishScreenshots();
            std::error_code ignored;
            int written = 0;
            for (const auto& entry : fs::directory_iterator(shots, ignored)) written += entry.path().extension() == ".png";
            if (written != 1) {
                std::fprintf(stderr, "epilogue_soak: a screenshot wrote %d PNGs, not 1\n", written);
                return 1;
            }
            fs::remove_all(shots, ignored);
            ++screenshots;
        }
        // Now and then the story file is saved, broken every other time, and reloaded as the window does.
        if (i % 2000 == 1000) {
            const bool broken = (reloads + failedReloads) % 2 == 1;
            std::ofstream(storyPath, std::ios::binary | std::ios::trunc) << (broken ? brokenText : goodText);
            const std::string titleBefore = session.story().title.str();
            session.reloaded(loadStoryFile(storyPath), now);
            const bool banner = !session.describe()["reload_error"].is_null();
            if (banner != broken || session.story().title != titleBefore) {
                std::fprintf(stderr, "epilogue_soak: reload gave the wrong outcome\n");
                return 1;
            }
            ++(broken ? failedReloads : reloads);
        }
        if (i == warmUp) startKilobytes = residentKilobytes();
        if (std::getenv("EPILOGUE_SOAK_TRACE") && i % 1000 == 0) std::fprintf(stderr, "%d: %ld KB\n", i, residentKilobytes());
    }
    const long endKilobytes = residentKilobytes();
    std::error_code ignored;
    fs::remove_all(directory, ignored);
    const double growth = startKilobytes > 0 ? 100.0 * static_cast<double>(endKilobytes - startKilobytes) / static_cast<double>(startKilobytes) : 0;
    std::printf("epilogue_soak: %d input events, %d frames, %d screenshots, %d reloads (%d of broken files); "
                "resident memory %.1f MB after warm-up (%d events), %.1f MB at the end (%+.2f%%)\n",
                events, frames, screenshots, reloads + failedReloads, failedReloads,
                static_cast<double>(startKilobytes) / 1024.0, warmUp, static_cast<double>(endKilobytes) / 1024.0, growth);
    if (growth >= 5.0) {
        std::printf("0 passed, 1 failed\n");
        return 1;
    }
    std::printf("1 passed, 0 failed\n");
    return 0;
}
