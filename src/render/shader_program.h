// A linked GLSL program built from embedded shader files. Building returns a result with the info log;
// it never aborts. Uniforms are resolved once, after building, never by name while drawing; one the
// program lacks gives a warning that names it.
#pragma once

#include "render/gl.h"

#include <string>
#include <vector>

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
    // The location of a uniform, to keep and use while drawing. A uniform the program lacks (misspelt, or
    // unused and optimised away) gives -1, which GL ignores, and a warning on stderr and in warnings().
    GLint resolveUniform(const char* name);
    const std::vector<std::string>& warnings() const { return warnings_; }

private:
    GLuint program_ = 0;
    std::string name_;  // "ribbon.vert + ribbon.frag", for messages
    std::vector<std::string> warnings_;
};

}  // namespace epilogue
