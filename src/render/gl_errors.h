// OpenGL error checks: drains the GL error queue and names what it held. The composer checks once a
// frame in debug builds (so sanitizer runs and tests see any error), never in release builds, where
// glGetError can stall a GPU pipeline.
#pragma once

#include <string>

namespace epilogue {

// Empty when no error was pending; otherwise the errors' names, e.g. "GL_INVALID_OPERATION".
std::string takeGlErrors();

}  // namespace epilogue
