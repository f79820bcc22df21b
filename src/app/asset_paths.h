// Where the program finds its bundled stories: next to the program in the build tree, or under the
// install prefix's data directory where `cmake --install` put them.
#pragma once

#include <string>

namespace epilogue {

// The default story's path, or empty when it cannot be found (the message then lists where it looked).
std::string findDefaultStory(std::string& searched);

}  // namespace epilogue
