// Listing a folder for the built-in story chooser.
#include "app/directory_listing.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace epilogue {

namespace {

bool endsWithJson(const std::string& name) {
    if (name.size() < 5) return false;
    std::string end = name.substr(name.size() - 5);
    std::transform(end.begin(), end.end(), end.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return end == ".json";
}

}  // namespace

DirectoryListing listStoryDirectory(const std::string& directory) {
    namespace fs = std::filesystem;
    DirectoryListing listing;
    std::error_code error;
    fs::path path = fs::absolute(directory.empty() ? fs::path(".") : fs::path(directory), error).lexically_normal();
    std::string text = path.string();
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    listing.directory = text;
    fs::directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    if (error) {
        listing.error = listing.directory + ": " + error.message();
        return listing;
    }
    std::vector<DirectoryEntry> folders, files;
    for (; it != fs::directory_iterator(); it.increment(error)) {
        if (error) {
            listing.error = listing.directory + ": " + error.message();
            break;
        }
        std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code typeError;
        if (it->is_directory(typeError)) {  // follows links, as a person opening it would
            folders.push_back({std::move(name), true});
        } else if (endsWithJson(name) && it->is_regular_file(typeError)) {
            files.push_back({std::move(name), false});
        }
    }
    auto byName = [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; };
    std::sort(folders.begin(), folders.end(), byName);
    std::sort(files.begin(), files.end(), byName);
    listing.entries = std::move(folders);
    listing.entries.insert(listing.entries.end(), std::make_move_iterator(files.begin()), std::make_move_iterator(files.end()));
    if (listing.entries.size() > kMaxListedEntries) {
        listing.leftOut = listing.entries.size() - kMaxListedEntries;
        listing.entries.resize(kMaxListedEntries);
    }
    return listing;
}

std::string parentDirectory(const std::string& directory) {
    const std::filesystem::path parent = std::filesystem::path(directory).parent_path();
    return parent.empty() ? "/" : parent.string();
}

}  // namespace epilogue
