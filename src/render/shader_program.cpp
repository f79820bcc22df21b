// Compiling and linking the embedded shaders, with the info log on failure.
#include "render/shader_program.h"

#include "render/embedded_shaders.h"

#include <cstdio>
#include <vector>

namespace epilogue {

namespace {

// The info log of a shader or a program: the same two calls, for either kind of object.
std::string infoLog(GLuint id, void (*getParameter)(GLuint, GLenum, GLint*),
                    void (*getLog)(GLuint, GLsizei, GLsizei*, GLchar*)) {
    GLint length = 0;
    getParameter(id, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(length > 1 ? length : 1), '\0');
    getLog(id, static_cast<GLsizei>(log.size()), nullptr, log.data());
    return log.data();
}

GLuint compileShader(GLenum stage, const char* name, std::string& error) {
    const EmbeddedShader* shader = findEmbeddedShader(name);
    if (!shader) {
        error = std::string("shader ") + name + " is not embedded in the program";
        return 0;
    }
    const char* sources[] = {"#version 330 core\n", shader->source};
    const GLuint id = glCreateShader(stage);
    glShaderSource(id, 2, sources, nullptr);
    glCompileShader(id);
    GLint ok = GL_FALSE;
    glGetShaderiv(id, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        error = std::string("shaders/") + name + ": " + infoLog(id, glGetShaderiv, glGetShaderInfoLog);
        glDeleteShader(id);
        return 0;
    }
    return id;
}

}  // namespace

ShaderProgram::~ShaderProgram() {
    if (program_) glDeleteProgram(program_);
}

bool ShaderProgram::build(const char* vertexName, const char* fragmentName, std::string& error) {
    const GLuint vertex = compileShader(GL_VERTEX_SHADER, vertexName, error);
    if (!vertex) return false;
    const GLuint fragment = compileShader(GL_FRAGMENT_SHADER, fragmentName, error);
    if (!fragment) {
        glDeleteShader(vertex);
        return false;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        error = std::string("linking shaders/") + vertexName + " + " + fragmentName + ": " +
                infoLog(program, glGetProgramiv, glGetProgramInfoLog);
        glDeleteProgram(program);
        return false;
    }
    if (program_) glDeleteProgram(program_);
    program_ = program;
    name_ = std::string(vertexName) + " + " + fragmentName;
    return true;
}

GLint ShaderProgram::resolveUniform(const char* name) {
    const GLint location = glGetUniformLocation(program_, name);
    if (location < 0) {
        warnings_.push_back("shaders/" + name_ + ": no uniform \"" + name +
                            "\" (misspelt, or unused and optimised away); setting it does nothing");
        std::fprintf(stderr, "epilogue: warning: %s\n", warnings_.back().c_str());
    }
    return location;
}

}  // namespace epilogue
