// Shader sources embedded into the program at build time (see cmake/EmbedShaders.cmake).
#pragma once

#include <cstddef>
#include <string_view>

namespace epilogue {

struct EmbeddedShader {
    const char* name;    // file name in shaders/, e.g. "ribbon.frag"
    const char* source;  // without #version: it is added when compiling
};

extern const EmbeddedShader kEmbeddedShaders[];
extern const std::size_t kEmbeddedShaderCount;

inline const EmbeddedShader* findEmbeddedShader(std::string_view name) {
    for (std::size_t i = 0; i < kEmbeddedShaderCount; ++i) {
        if (name == kEmbeddedShaders[i].name) return &kEmbeddedShaders[i];
    }
    return nullptr;
}

}  // namespace epilogue
