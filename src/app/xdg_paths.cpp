// XDG directories from the environment.
#include "app/xdg_paths.h"

#include <cstdlib>

namespace epilogue {

namespace {

std::string home() {
    const char* value = std::getenv("HOME");
    return value && *value ? value : ".";
}

std::string fromEnvironment(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value && *value == '/' ? std::string(value) : fallback;  // relative paths are invalid by the spec
}

}  // namespace

std::string configDirectory() { return fromEnvironment("XDG_CONFIG_HOME", home() + "/.config") + "/epilogue"; }

std::string stateDirectory() { return fromEnvironment("XDG_STATE_HOME", home() + "/.local/state") + "/epilogue"; }

std::string picturesDirectory() { return fromEnvironment("XDG_PICTURES_DIR", home() + "/Pictures"); }

}  // namespace epilogue
