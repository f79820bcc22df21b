// Where Epilogue keeps the user's things, following the XDG base directory conventions.
#pragma once

#include <string>

namespace epilogue {

// $XDG_CONFIG_HOME/epilogue, else ~/.config/epilogue (not created here).
std::string configDirectory();
// $XDG_STATE_HOME/epilogue, else ~/.local/state/epilogue (not created here): what the program keeps
// between runs that is not a setting (the recent stories).
std::string stateDirectory();
// $XDG_PICTURES_DIR, else ~/Pictures (not created here).
std::string picturesDirectory();

}  // namespace epilogue
