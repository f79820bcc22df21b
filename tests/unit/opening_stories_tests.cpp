// Tier 1 (no window): what opening another story rests on — the built-in chooser's folder listing, the
// recent stories kept between runs, the choice of the desktop's chooser and its arguments, and the keys.
#include "app/directory_listing.h"
#include "app/file_chooser.h"
#include "app/recent_stories.h"
#include "story/story_loader.h"
#include "timeline/canvas_input.h"
#include "timeline/view_commands.h"

#include "temporary_directory.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace epilogue;
namespace fs = std::filesystem;

namespace {

using testing::TemporaryDirectory;

void touch(const fs::path& path, const std::string& text = "{}") { std::ofstream(path) << text; }

// Sets an environment variable for the test's length.
struct ScopedEnvironment {
    std::string name;
    std::string old;
    bool had = false;
    ScopedEnvironment(const char* variable, const char* value) : name(variable) {
        if (const char* before = std::getenv(variable)) {
            had = true;
            old = before;
        }
        if (value) {
            setenv(variable, value, 1);
        } else {
            unsetenv(variable);
        }
    }
    ~ScopedEnvironment() {
        if (had) {
            setenv(name.c_str(), old.c_str(), 1);
        } else {
            unsetenv(name.c_str());
        }
    }
};

}  // namespace

TEST_CASE("the chooser lists a folder's folders, then its story files, by name; hidden entries and other files left out") {
    TemporaryDirectory dir;
    fs::create_directory(dir.path / "b-folder");
    fs::create_directory(dir.path / "a-folder");
    fs::create_directory(dir.path / ".hidden-folder");
    touch(dir.path / "zeta.json");
    touch(dir.path / "Alpha.JSON");
    touch(dir.path / ".hidden.json");
    touch(dir.path / "notes.txt");
    fs::create_directory(dir.path / "folder.json");  // a folder, whatever its name
    const DirectoryListing listing = listStoryDirectory(dir.path.string() + "/./");
    CHECK(listing.error.empty());
    CHECK(listing.directory == dir.path.string());
    REQUIRE(listing.entries.size() == 5);
    CHECK(listing.entries[0].name == "a-folder");
    CHECK(listing.entries[1].name == "b-folder");
    CHECK(listing.entries[2].name == "folder.json");
    CHECK(listing.entries[2].isDirectory);
    CHECK(listing.entries[3].name == "Alpha.JSON");
    CHECK_FALSE(listing.entries[3].isDirectory);
    CHECK(listing.entries[4].name == "zeta.json");
    CHECK(listing.leftOut == 0);
    CHECK(parentDirectory(listing.directory) == dir.path.parent_path().string());
    CHECK(parentDirectory("/") == "/");
}

TEST_CASE("a folder that cannot be listed says why; one past the limit says how many it left out") {
    const DirectoryListing missing = listStoryDirectory("/no/such/folder");
    CHECK(missing.entries.empty());
    CHECK(missing.error.find("/no/such/folder: ") == 0);

    TemporaryDirectory dir;
    for (std::size_t i = 0; i < kMaxListedEntries + 3; ++i) touch(dir.path / ("s" + std::to_string(i) + ".json"));
    const DirectoryListing many = listStoryDirectory(dir.path.string());
    CHECK(many.entries.size() == kMaxListedEntries);
    CHECK(many.leftOut == 3);
}

TEST_CASE("recent stories: newest first, each once, at most ten, kept in a file that survives being broken") {
    TemporaryDirectory dir;
    RecentStories recent;
    for (int i = 0; i < 12; ++i) recent.add((dir.path / ("story" + std::to_string(i) + ".json")).string());
    recent.add((dir.path / "story5.json").string());
    REQUIRE(recent.paths().size() == kRecentStories);
    CHECK(recent.paths()[0] == (dir.path / "story5.json").string());
    CHECK(recent.paths()[1] == (dir.path / "story11.json").string());
    CHECK(std::count(recent.paths().begin(), recent.paths().end(), (dir.path / "story5.json").string()) == 1);
    // Relative paths are kept absolute.
    RecentStories relative;
    relative.add("some/where/../story.json");
    CHECK(relative.paths()[0] == (fs::current_path() / "some/story.json").string());

    const std::string file = (dir.path / "state/epilogue/recent.json").string();  // folders made on save
    std::string error, warning;
    REQUIRE(recent.save(file, error));
    const RecentStories read = RecentStories::load(file, warning);
    CHECK(warning.empty());
    CHECK(read.paths() == recent.paths());

    CHECK(RecentStories::load((dir.path / "none.json").string(), warning).paths().empty());
    CHECK(warning.empty());  // nothing opened yet is no problem
    touch(dir.path / "broken.json", "{\"not\": \"a list\"}");
    CHECK(RecentStories::load((dir.path / "broken.json").string(), warning).paths().empty());
    CHECK(warning == (dir.path / "broken.json").string() + ": recent stories not read (not a JSON list of paths)");
}

TEST_CASE("the desktop's chooser: EPILOGUE_FILE_CHOOSER decides; no display means the built-in one") {
    {
        ScopedEnvironment chooser("EPILOGUE_FILE_CHOOSER", "builtin");
        CHECK(pickChooser() == ChooserKind::BuiltIn);
    }
    {
        ScopedEnvironment chooser("EPILOGUE_FILE_CHOOSER", "zenity");
        CHECK(pickChooser() == ChooserKind::Zenity);
    }
    {
        ScopedEnvironment chooser("EPILOGUE_FILE_CHOOSER", nullptr);
        ScopedEnvironment display("DISPLAY", nullptr);
        ScopedEnvironment wayland("WAYLAND_DISPLAY", nullptr);
        CHECK(pickChooser() == ChooserKind::BuiltIn);
    }
    // The path is one argument, whatever it holds: no shell reads it.
    const auto zenity = chooserArguments(ChooserKind::Zenity, "/tmp/a folder; rm -rf x");
    CHECK(zenity[0] == "zenity");
    CHECK(std::find(zenity.begin(), zenity.end(), "--filename=/tmp/a folder; rm -rf x/") != zenity.end());
    const auto kdialog = chooserArguments(ChooserKind::KDialog, "/tmp/stories");
    CHECK(kdialog[0] == "kdialog");
    CHECK(std::find(kdialog.begin(), kdialog.end(), "/tmp/stories/") != kdialog.end());
    CHECK(chooserArguments(ChooserKind::BuiltIn, "/tmp").empty());
}

TEST_CASE("an external chooser's answer: a chosen path, a cancel, or a failure that says why") {
    TemporaryDirectory dir;
    // A stand-in chooser on PATH: prints the path it was given, or fails as told.
    const fs::path program = dir.path / "zenity";
    std::ofstream(program) << "#!/bin/sh\n"
                              "case \"$EPILOGUE_TEST_CHOOSER\" in\n"
                              "  cancel) exit 1 ;;\n"
                              "  crash) echo 'cannot open display' >&2; exit 5 ;;\n"
                              "esac\n"
                              "for a in \"$@\"; do case \"$a\" in --filename=*) echo \"${a#--filename=}chosen.json\" ;; esac; done\n";
    fs::permissions(program, fs::perms::owner_all);
    ScopedEnvironment path("PATH", (dir.path.string() + ":" + std::getenv("PATH")).c_str());
    for (const char* behaviour : {"choose", "cancel", "crash"}) {
        ScopedEnvironment how("EPILOGUE_TEST_CHOOSER", behaviour);
        ExternalChooser chooser;
        std::string error;
        REQUIRE(chooser.start(ChooserKind::Zenity, "/tmp/my stories", [] {}, error));
        std::optional<ChooserAnswer> answer;
        for (int i = 0; i < 500 && !answer; ++i) {
            answer = chooser.take();
            if (!answer) usleep(10000);
        }
        REQUIRE(answer);
        if (std::string(behaviour) == "choose") {
            CHECK(answer->chosen);
            CHECK(answer->path == "/tmp/my stories/chosen.json");
        } else if (std::string(behaviour) == "cancel") {
            CHECK_FALSE(answer->chosen);
            CHECK(answer->error.empty());
        } else {
            CHECK_FALSE(answer->chosen);
            CHECK(answer->error == "the file chooser exited with status 5: cannot open display");
        }
    }
}

TEST_CASE("Ctrl+O asks to open a story; Escape closes the built-in chooser before anything else") {
    StoryLoadResult loaded = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
    REQUIRE(loaded.ok());
    ViewState state;
    state.selectedEvent = loaded.story.findEvent("paris");
    state.helpVisible = true;
    state.openDialogVisible = true;
    CanvasInput input(150);
    CHECK(input.key(Key::Open, loaded.story, state) == AppAction::Open);
    CHECK(isApplicationKey(Key::Open));
    input.key(Key::Escape, loaded.story, state);
    CHECK_FALSE(state.openDialogVisible);
    CHECK(state.helpVisible);
    CHECK(state.selectedEvent == loaded.story.findEvent("paris"));
}

TEST_CASE("a recent story whose path is not UTF-8 is left out of the file, which JSON could not hold") {
    TemporaryDirectory dir;
    RecentStories recent;
    recent.add((dir.path / "caf\xE9.json").string());  // a Latin-1 file name
    recent.add((dir.path / "caf\xC3\xA9.json").string());
    const std::string file = (dir.path / "recent.json").string();
    std::string error, warning;
    REQUIRE(recent.save(file, error));
    const RecentStories read = RecentStories::load(file, warning);
    CHECK(warning.empty());
    REQUIRE(read.paths().size() == 1);
    CHECK(read.paths()[0] == (dir.path / "caf\xC3\xA9.json").string());
}

TEST_CASE("an event number that is not the story's (left from a story replaced since) selects and pins nothing") {
    StoryLoadResult loaded = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
    REQUIRE(loaded.ok());
    ViewState state;
    state.selectedEvent = loaded.story.findEvent("paris");
    const auto past = static_cast<EventIndex>(loaded.story.events.size());
    applyViewCommand(loaded.story, 150, state, ViewCommand::pin(past + 100));
    applyViewCommand(loaded.story, 150, state, ViewCommand::select(past));
    applyViewCommand(loaded.story, 150, state, ViewCommand::hover(past));
    CHECK(state.selectedEvent == loaded.story.findEvent("paris"));
    CHECK(state.hoveredEvent == kNone);
}
