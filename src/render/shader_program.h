// A linked GLSL program built from embedded shader files. Building returns a result with the info log;
// it never aborts.
#pragma once

#include "render/gl.h"

#include <string>

namespace epilogue {

class ShaderProgram {
public:
    ShaderProgram() = default;
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;
    ~ShaderProgram();

    // Compiles shaders/<vertexName> and shaders/<fragmentName> (as embedded) and links them.
    // On failure returns false and sets `error` to the file name and the driver's info log.
    bool build(const char* vertexName, const char* fragmentName, std::string& error);
    void use() const { glUseProgram(program_); }
    GLint uniform(const char* name) const { return glGetUniformLocation(program_, name); }

private:
    GLuint program_ = 0;
};

}  // namespace epilogue
