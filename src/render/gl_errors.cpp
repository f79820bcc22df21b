// Reading the GL error queue.
#include "render/gl_errors.h"

#include "render/gl.h"

namespace epilogue {

namespace {

const char* errorName(GLenum error) {
    switch (error) {
        case GL_INVALID_ENUM: return "GL_INVALID_ENUM";
        case GL_INVALID_VALUE: return "GL_INVALID_VALUE";
        case GL_INVALID_OPERATION: return "GL_INVALID_OPERATION";
        case GL_INVALID_FRAMEBUFFER_OPERATION: return "GL_INVALID_FRAMEBUFFER_OPERATION";
        case GL_OUT_OF_MEMORY: return "GL_OUT_OF_MEMORY";
        default: return "an unknown GL error";
    }
}

}  // namespace

std::string takeGlErrors() {
    std::string errors;
    for (int i = 0; i < 16; ++i) {  // the queue is short; a context that was lost would repeat forever
        const GLenum error = glGetError();
        if (error == GL_NO_ERROR) break;
        errors += (errors.empty() ? "" : ", ") + std::string(errorName(error));
    }
    return errors;
}

}  // namespace epilogue
