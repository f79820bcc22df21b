// Triangles of two frames compared, and the draw data cut to the damage.
#include "ui/ui_damage.h"

#include <algorithm>
#include <cstring>

namespace epilogue {

namespace {

std::uint64_t mix(std::uint64_t hash, std::uint64_t word) {
    hash ^= word + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
    hash *= 0xff51afd7ed558ccdULL;
    return hash ^ (hash >> 33);
}

std::uint64_t mixVertex(std::uint64_t hash, const ImDrawVert& vertex) {
    std::uint32_t words[5];
    static_assert(sizeof(ImDrawVert) == sizeof(words), "ImDrawVert is position, uv and colour");
    std::memcpy(words, &vertex, sizeof words);
    hash = mix(hash, (static_cast<std::uint64_t>(words[0]) << 32) | words[1]);
    hash = mix(hash, (static_cast<std::uint64_t>(words[2]) << 32) | words[3]);
    return mix(hash, words[4]);
}

std::uint64_t bitsOf(float value) {
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

// The framebuffer pixels a triangle covers: its bounding box, cut to its command's clip, then scaled.
struct TriangleBox {
    float left, top, right, bottom;
    bool empty() const { return !(left < right) || !(top < bottom); }
};
TriangleBox boxOf(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const ImVec4& clip, float pixelScale) {
    return {std::max(clip.x, std::min({a.pos.x, b.pos.x, c.pos.x})) * pixelScale,
            std::max(clip.y, std::min({a.pos.y, b.pos.y, c.pos.y})) * pixelScale,
            std::min(clip.z, std::max({a.pos.x, b.pos.x, c.pos.x})) * pixelScale,
            std::min(clip.w, std::max({a.pos.y, b.pos.y, c.pos.y})) * pixelScale};
}

}  // namespace

void UiDamage::compare(const ImDrawData& data, float pixelScale, DamageRegion& damage) {
    lastSequence_.swap(sequence_);
    sequence_.clear();
    std::uint64_t previous = 0;
    for (int list = 0; list < data.CmdListsCount; ++list) {
        const ImDrawList& drawList = *data.CmdLists[list];
        previous = mix(previous, 0x4c495354ULL + static_cast<std::uint64_t>(list));  // where a list begins
        for (const ImDrawCmd& command : drawList.CmdBuffer) {
            if (command.UserCallback != nullptr || command.ElemCount == 0) continue;
            const ImVec4& clip = command.ClipRect;
            std::uint64_t state = mix(reinterpret_cast<std::uintptr_t>(command.TextureId), bitsOf(clip.x) << 32 | bitsOf(clip.y));
            state = mix(state, bitsOf(clip.z) << 32 | bitsOf(clip.w));
            const ImDrawIdx* indices = drawList.IdxBuffer.Data + command.IdxOffset;
            const ImDrawVert* vertices = drawList.VtxBuffer.Data + command.VtxOffset;
            for (unsigned i = 0; i + 2 < command.ElemCount; i += 3) {
                const ImDrawVert& a = vertices[indices[i]];
                const ImDrawVert& b = vertices[indices[i + 1]];
                const ImDrawVert& c = vertices[indices[i + 2]];
                const TriangleBox box = boxOf(a, b, c, clip, pixelScale);
                if (box.empty()) continue;  // no pixel
                Triangle triangle;
                triangle.left = box.left;
                triangle.top = box.top;
                triangle.right = box.right;
                triangle.bottom = box.bottom;
                const std::uint64_t drawn = mixVertex(mixVertex(mixVertex(state, a), b), c);
                triangle.key = mix(drawn, previous);  // the triangle before, as drawn: not its key, which would
                previous = drawn;                     // chain every triangle to all before it
                sequence_.push_back(triangle);
            }
        }
    }
    // The frames' common beginning and end are alike; only the triangles between are compared as sets.
    std::size_t prefix = 0;
    const std::size_t shorter = std::min(sequence_.size(), lastSequence_.size());
    while (prefix < shorter && sequence_[prefix].key == lastSequence_[prefix].key) ++prefix;
    std::size_t suffix = 0;
    while (suffix < shorter - prefix &&
           sequence_[sequence_.size() - 1 - suffix].key == lastSequence_[lastSequence_.size() - 1 - suffix].key) {
        ++suffix;
    }
    sortedNow_.assign(sequence_.begin() + static_cast<std::ptrdiff_t>(prefix),
                      sequence_.end() - static_cast<std::ptrdiff_t>(suffix));
    sortedLast_.assign(lastSequence_.begin() + static_cast<std::ptrdiff_t>(prefix),
                       lastSequence_.end() - static_cast<std::ptrdiff_t>(suffix));
    std::sort(sortedNow_.begin(), sortedNow_.end());
    std::sort(sortedLast_.begin(), sortedLast_.end());
    auto add = [&](const Triangle& triangle) {
        // A pixel more each side: ImGui's anti-aliased edges and the rasteriser's rounding.
        damage.add(triangle.left - 1, triangle.top - 1, triangle.right + 1, triangle.bottom + 1);
    };
    // Triangles one sorted list has and the other lacks are damage (counted: a triangle drawn twice in one
    // frame and once in the other is damage too).
    std::size_t i = 0, j = 0;
    while (i < sortedNow_.size() || j < sortedLast_.size()) {
        if (j == sortedLast_.size() || (i < sortedNow_.size() && sortedNow_[i].key < sortedLast_[j].key)) {
            add(sortedNow_[i++]);
        } else if (i == sortedNow_.size() || sortedLast_[j].key < sortedNow_[i].key) {
            add(sortedLast_[j++]);
        } else {
            ++i;
            ++j;
        }
    }
}

void keepTrianglesWithin(ImDrawData& data, const std::vector<PixelRect>& rectangles, float pixelScale) {
    for (int list = 0; list < data.CmdListsCount; ++list) {
        ImDrawList& drawList = *data.CmdLists[list];
        unsigned kept = 0;  // indices kept so far: a command's kept indices move down to follow the last's
        for (ImDrawCmd& command : drawList.CmdBuffer) {
            if (command.UserCallback != nullptr) continue;
            const ImVec4 clip = command.ClipRect;
            ImVec4 reach{1e30f, 1e30f, -1e30f, -1e30f};  // the clip cut to the rectangles the triangles reach
            const ImDrawIdx* indices = drawList.IdxBuffer.Data + command.IdxOffset;
            ImDrawIdx* out = drawList.IdxBuffer.Data + kept;
            const ImDrawVert* vertices = drawList.VtxBuffer.Data + command.VtxOffset;
            unsigned count = 0;
            for (unsigned i = 0; i + 2 < command.ElemCount; i += 3) {
                const ImDrawVert& a = vertices[indices[i]];
                const ImDrawVert& b = vertices[indices[i + 1]];
                const ImDrawVert& c = vertices[indices[i + 2]];
                const auto [left, top, right, bottom] = boxOf(a, b, c, clip, pixelScale);
                bool reaches = false;
                for (const PixelRect& rect : rectangles) {
                    if (left - 1 >= static_cast<float>(rect.right()) || right + 1 <= static_cast<float>(rect.x) ||
                        top - 1 >= static_cast<float>(rect.bottom()) || bottom + 1 <= static_cast<float>(rect.y)) {
                        continue;
                    }
                    reaches = true;
                    reach.x = std::min(reach.x, static_cast<float>(rect.x) / pixelScale);
                    reach.y = std::min(reach.y, static_cast<float>(rect.y) / pixelScale);
                    reach.z = std::max(reach.z, static_cast<float>(rect.right()) / pixelScale);
                    reach.w = std::max(reach.w, static_cast<float>(rect.bottom()) / pixelScale);
                }
                if (!reaches) continue;
                const ImDrawIdx triangle[3] = {indices[i], indices[i + 1], indices[i + 2]};  // `out` may be `indices`
                std::copy(triangle, triangle + 3, out + count);
                count += 3;
            }
            command.IdxOffset = kept;
            command.ElemCount = count;
            kept += count;
            command.ClipRect = count == 0 ? clip
                                          : ImVec4{std::max(clip.x, reach.x), std::max(clip.y, reach.y),
                                                   std::min(clip.z, reach.z), std::min(clip.w, reach.w)};
        }
        drawList.IdxBuffer.resize(static_cast<int>(kept));
    }
}

}  // namespace epilogue
