// The one place OpenGL is included. Core-profile prototypes come straight from GLVND's libOpenGL,
// which exports every core entry point, so no loader is needed. Only src/render includes this.
#pragma once

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/glcorearb.h>
