// Where Epilogue keeps the user's things, following the XDG base directory conventions.
#pragma once

#include <string>

namespace epilogue {

// $XDG_CONFIG_HOME/epilogue, else ~/.config/epilogue (not created here).
std::string configDirectory();
// $XDG_PICTURES_DIR, else ~/Pictures (not created here).
std::string picturesDirectory();

}  // namespace epilogue
