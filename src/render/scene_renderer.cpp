// The scene: sky, ribbons, nodes, playhead. Colours are the film's magic hour: gold for what happened
// (streetlight, Mia's yellow dress), violet-blue for the dream.
#include "render/scene_renderer.h"

#include "render/palette.h"
#include "render/scene_look.h"
#include "timeline/animation_clock.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>

namespace epilogue {

namespace {

void setColour(GLint location, const Colour& colour) { glUniform3f(location, colour.r, colour.g, colour.b); }

// Grows a buffer object only when the data outgrows it; otherwise updates it in place.
template <typename T>
void uploadToBuffer(GLuint buffer, const std::vector<T>& data, std::size_t& capacity) {
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    if (data.size() > capacity) {
        capacity = std::max<std::size_t>(data.size(), capacity * 2);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(capacity * sizeof(T)), nullptr, GL_DYNAMIC_DRAW);
    }
    if (!data.empty()) {
        glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data());
    }
}

// Whether two arrays of plain floats hold the same bits.
template <typename T>
bool sameBits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void floatAttribute(GLuint index, GLint size, GLsizei stride, std::size_t offset, GLuint divisor = 0) {
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(index, divisor);
}

}  // namespace

SceneRenderer::~SceneRenderer() {
    if (emptyVao_) glDeleteVertexArrays(1, &emptyVao_);
    if (ribbonVao_) glDeleteVertexArrays(1, &ribbonVao_);
    if (ribbonVbo_) glDeleteBuffers(1, &ribbonVbo_);
    for (SpriteBatch* batch : {&stars_, &starsInColumns_, &nodes_, &playhead_, &changedRibbons_, &changedMarks_, &nearbyNodes_}) {
        if (batch->vao) glDeleteVertexArrays(1, &batch->vao);
        if (batch->vbo) glDeleteBuffers(1, &batch->vbo);
    }
}

void SceneRenderer::createSpriteBatch(SpriteBatch& batch) {
    glGenVertexArrays(1, &batch.vao);
    glGenBuffers(1, &batch.vbo);
    glBindVertexArray(batch.vao);
    glBindBuffer(GL_ARRAY_BUFFER, batch.vbo);
    constexpr auto stride = static_cast<GLsizei>(sizeof(SpriteInstance));
    floatAttribute(0, 2, stride, offsetof(SpriteInstance, centre), 1);
    floatAttribute(1, 2, stride, offsetof(SpriteInstance, halfSize), 1);
    floatAttribute(2, 4, stride, offsetof(SpriteInstance, colour), 1);
    floatAttribute(3, 4, stride, offsetof(SpriteInstance, style), 1);
}

void SceneRenderer::uploadSprites(SpriteBatch& batch) { uploadToBuffer(batch.vbo, batch.instances, batch.capacity); }

bool SceneRenderer::initialize(std::string& error) {
    if (!sky_.build("fullscreen.vert", "sky.frag", error)) return false;
    if (!star_.build("sprite.vert", "star.frag", error)) return false;
    if (!ribbon_.build("ribbon.vert", "ribbon.frag", error)) return false;
    if (!node_.build("sprite.vert", "node.frag", error)) return false;
    if (!beam_.build("sprite.vert", "beam.frag", error)) return false;
    if (!markSprite_.build("sprite.vert", "mark.frag", error)) return false;
    if (!layer_.build("fullscreen.vert", "layer.frag", error)) return false;
    skyUniforms_ = {sky_.resolveUniform("uResolution"), sky_.resolveUniform("uPixelScale"),
                    sky_.resolveUniform("uHorizonY"),   sky_.resolveUniform("uZenith"),
                    sky_.resolveUniform("uIndigo"),     sky_.resolveUniform("uViolet"),
                    sky_.resolveUniform("uHorizon"),    sky_.resolveUniform("uCity"),
                    sky_.resolveUniform("uCityDarkness"), sky_.resolveUniform("uVignette")};
    starUniforms_ = {star_.resolveUniform("uViewSize"), star_.resolveUniform("uTime"),  star_.resolveUniform("uSteps"),
                     star_.resolveUniform("uSweep"),    star_.resolveUniform("uHorizonY"), star_.resolveUniform("uSkyTop")};
    ribbonUniforms_ = {ribbon_.resolveUniform("uViewSize"),      ribbon_.resolveUniform("uPlayheadX"),
                       ribbon_.resolveUniform("uDimAhead"),      ribbon_.resolveUniform("uTime"),
                       ribbon_.resolveUniform("uSteps"),         ribbon_.resolveUniform("uSweep"),
                       ribbon_.resolveUniform("uCoreColour"),    ribbon_.resolveUniform("uHotColour"),
                       ribbon_.resolveUniform("uGlowColour"),    ribbon_.resolveUniform("uParentColour"),
                       ribbon_.resolveUniform("uCoreHalfWidth"), ribbon_.resolveUniform("uGlowWidth"),
                       ribbon_.resolveUniform("uHalfWidth"),     ribbon_.resolveUniform("uPattern")};
    nodeUniforms_ = {node_.resolveUniform("uViewSize"), node_.resolveUniform("uRingColour"),
                     node_.resolveUniform("uHotColour"), node_.resolveUniform("uSearchColour")};
    beamUniforms_ = {beam_.resolveUniform("uViewSize"), beam_.resolveUniform("uBeamColour")};
    markSpriteUniforms_ = {markSprite_.resolveUniform("uViewSize")};
    layer_.use();
    glUniform1i(layer_.resolveUniform("uUnder"), 0);
    glUniform1i(layer_.resolveUniform("uOver"), 1);
    glUseProgram(0);

    glGenVertexArrays(1, &emptyVao_);

    glGenVertexArrays(1, &ribbonVao_);
    glGenBuffers(1, &ribbonVbo_);
    glBindVertexArray(ribbonVao_);
    glBindBuffer(GL_ARRAY_BUFFER, ribbonVbo_);
    constexpr auto ribbonStride = static_cast<GLsizei>(sizeof(RibbonVertex));
    floatAttribute(0, 2, ribbonStride, offsetof(RibbonVertex, centre));
    floatAttribute(1, 2, ribbonStride, offsetof(RibbonVertex, normal));
    floatAttribute(2, 1, ribbonStride, offsetof(RibbonVertex, along));
    floatAttribute(3, 1, ribbonStride, offsetof(RibbonVertex, across));
    floatAttribute(4, 1, ribbonStride, offsetof(RibbonVertex, separation));

    for (SpriteBatch* batch : {&stars_, &starsInColumns_, &nodes_, &playhead_, &changedRibbons_, &changedMarks_, &nearbyNodes_}) createSpriteBatch(*batch);
    glBindVertexArray(0);
    return true;
}

std::vector<std::string> SceneRenderer::warnings() const {
    std::vector<std::string> all;
    for (const ShaderProgram* program : {&sky_, &star_, &ribbon_, &node_, &beam_, &markSprite_, &layer_}) {
        all.insert(all.end(), program->warnings().begin(), program->warnings().end());
    }
    return all;
}

void SceneRenderer::draw(const SceneInputs& inputs) {
    prepare(inputs);
    submit(inputs);
}

void SceneRenderer::prepare(const SceneInputs& inputs) {
    prepareStars(*inputs.plan);
    prepareRibbons(inputs);
    prepareNodes(inputs);
    preparePlayhead(*inputs.plan);
}

void SceneRenderer::submit(const SceneInputs& inputs) {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    drawSky(inputs);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied: glows add light, cores cover
    drawStars(inputs, stars_);
    submitShapes(inputs);
}

void SceneRenderer::submitShapes(const SceneInputs& inputs) {
    submitLayer(inputs, ShapeLayer::Ribbons);
    submitLayer(inputs, ShapeLayer::Marks);
}

void SceneRenderer::submitLayer(const SceneInputs& inputs, ShapeLayer which, const SpriteBatch* nodes) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    if (which == ShapeLayer::Ribbons) {
        drawRibbons(inputs);
    } else {
        drawPlayhead(inputs);
        drawNodes(inputs, nodes ? *nodes : nodes_);
    }
    glBindVertexArray(0);
}

SceneRenderer::FrameKey SceneRenderer::keyOf(const FramePlan& plan) {
    return {static_cast<int>(std::lround(plan.size.logicalWidth * plan.size.pixelScale)),
            static_cast<int>(std::lround(plan.size.logicalHeight * plan.size.pixelScale)),
            plan.size.logicalWidth,
            plan.size.logicalHeight,
            plan.size.pixelScale,
            plan.layout.ruler.y};
}

float SceneRenderer::clockOf(const SceneInputs& inputs) { return inputs.reducedMotion ? 0.0f : inputs.plan->animationTime; }

void SceneRenderer::drawComposed(const SceneInputs& inputs, const RenderTarget& target) {
    ignoredDamage_.reset(0, 0);
    updateLayers(inputs, ignoredDamage_);
    wholeTarget_.assign(1, PixelRect{0, 0, target.width(), target.height()});
    composeInto(inputs, target, wholeTarget_);
}

void SceneRenderer::updateLayers(const SceneInputs& inputs, DamageRegion& damage) {
    const FrameKey key = keyOf(*inputs.plan);
    std::string error;
    straight_ = !skyLayer_.ensureSize(key.pixelWidth, key.pixelHeight, error) ||
                !starryLayer_.ensureSize(key.pixelWidth, key.pixelHeight, error) ||
                !ribbonsLayer_.ensureSize(key.pixelWidth, key.pixelHeight, error, true) ||
                !marksLayer_.ensureSize(key.pixelWidth, key.pixelHeight, error, true);
    if (straight_) {
        damage.addEverything();
        lastRedraw_ = Redraw::Everything;
        return;
    }
    prepare(inputs);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    // The columns whose reading of the animation clock changed since the layers were drawn: all of them when
    // the clock went still or came back.
    changedColumns_.clear();
    const float clock = clockOf(inputs);
    if (drawn_.valid && inputs.reducedMotion == drawn_.still) {
        changedColumns(drawn_.time, clock, inputs.reducedMotion, 0, inputs.plan->size.logicalWidth, changedColumns_);
    } else {
        changedColumns_.emplace_back(0.0f, inputs.plan->size.logicalWidth);
    }
    if (skyLayer_.remade() || starryLayer_.remade() || !skyDrawn_ || !(skyKey_ == key)) {
        skyLayer_.bindForDrawing();
        drawSky(inputs);
        skyLayer_.copyTo(starryLayer_);
        starryLayer_.bindForDrawing();
        drawStars(inputs, stars_);
        skyDrawn_ = true;
        skyKey_ = key;
        damage.addEverything();
    } else if (!changedColumns_.empty()) {
        updateStars(inputs);
    }
    // What redraws the layers whole: another size or horizon, the lanes' shapes or looks, another number of
    // marks or beams, or layers made anew.
    const bool changesOnly = drawn_.valid && !ribbonsLayer_.remade() && !marksLayer_.remade() && drawn_.key == key &&
                             sameBits(ribbonVertices_, drawn_.ribbonVertices) && ribbonRanges_ == drawn_.ribbonRanges &&
                             nodes_.instances.size() == drawn_.nodes.size() &&
                             playhead_.instances.size() == drawn_.playhead.size();
    if (changesOnly) {
        // Each frame's marks hold a value of their own, so the stencil buffers need clearing only when the
        // values run out, and a frame that redraws everything leaves the marks as they are.
        if (stencilReference_ == 255) {
            for (const RenderTarget* layer : {&ribbonsLayer_, &marksLayer_}) {
                layer->bindForDrawing();
                glStencilMask(0xFF);
                glClearStencil(0);
                glClear(GL_STENCIL_BUFFER_BIT);
            }
            stencilReference_ = 0;
        }
        ++stencilReference_;
        const bool ribbons = updateLayer(inputs, ribbonsLayer_, ShapeLayer::Ribbons);
        const bool marks = updateLayer(inputs, marksLayer_, ShapeLayer::Marks);
        lastRedraw_ = ribbons || marks ? Redraw::Changes : Redraw::Nothing;
        addDamage(inputs, damage);
    } else {
        for (const ShapeLayer which : {ShapeLayer::Ribbons, ShapeLayer::Marks}) {
            (which == ShapeLayer::Ribbons ? ribbonsLayer_ : marksLayer_).bindForDrawing();
            glClearColor(0, 0, 0, 0);
            glClear(GL_COLOR_BUFFER_BIT);
            submitLayer(inputs, which);
        }
        lastRedraw_ = Redraw::Everything;
        damage.addEverything();
    }
    remember(inputs);
}

void SceneRenderer::addDamage(const SceneInputs& inputs, DamageRegion& damage) const {
    const FramePlan& plan = *inputs.plan;
    const float scale = plan.size.pixelScale;
    auto add = [&](float left, float top, float right, float bottom) {  // logical pixels, two more each side
        damage.add(left * scale - 2, top * scale - 2, right * scale + 2, bottom * scale + 2);
    };
    for (const std::vector<SpriteInstance>* marks : {&changedRibbons_.instances, &changedMarks_.instances}) {
        for (const SpriteInstance& mark : *marks) {
            add(mark.centre[0] - mark.halfSize[0], mark.centre[1] - mark.halfSize[1], mark.centre[0] + mark.halfSize[0],
                mark.centre[1] + mark.halfSize[1]);
        }
    }
    // The stars read the clock at their centre's column (a logical pixel more either side for rounding) and
    // reach starReach_ either side of it; below the horizon they give no light.
    const float reach = starReach_ + 1;
    for (const auto& [left, right] : changedColumns_) add(left - reach, 0, right + reach, plan.layout.ruler.y + reach);
}

void SceneRenderer::composeInto(const SceneInputs& inputs, const RenderTarget& target,
                                const std::vector<PixelRect>& rectangles) {
    target.bindForDrawing();
    if (straight_) {
        draw(inputs);
        return;
    }
    // The frame: the starry sky, the ribbons over it, the beam and the nodes over those.
    for (const PixelRect& rect : rectangles) starryLayer_.copyTo(target, rect);
    target.bindForDrawing();
    layOverShapes(*inputs.plan, rectangles);
    glBindVertexArray(0);
}

void SceneRenderer::updateStars(const SceneInputs& inputs) {
    // Each changed run of columns: the sky copied again from a star's reach before it to a star's reach after
    // it, and every star that reaches into that drawn again over it (those outside the run as they were).
    const FramePlan& plan = *inputs.plan;
    const float scale = plan.size.pixelScale;
    const int height = starryLayer_.height();
    for (const auto& [left, right] : changedColumns_) {
        LogicalBox box;  // a logical pixel more either side for rounding
        box.left = left - starReach_ - 1;
        box.right = right + starReach_ + 1;
        box.top = 0;
        box.bottom = plan.layout.ruler.y + starReach_ + 1;  // a star below the horizon gives no light
        const PixelBox pixels = pixelsOf(box, scale);
        if (pixels.empty()) continue;
        skyLayer_.copyTo(starryLayer_, {pixels.x0, height - pixels.y1, pixels.x1 - pixels.x0, pixels.y1 - pixels.y0});
        starryLayer_.bindForDrawing();
        glEnable(GL_SCISSOR_TEST);
        glScissor(pixels.x0, pixels.y0, pixels.x1 - pixels.x0, pixels.y1 - pixels.y0);
        // The stars are in order of their centre's column: those whose sprite reaches into the pixels copied
        // (a logical pixel more either side for rounding).
        const float reachLeft = static_cast<float>(pixels.x0) / scale - starReach_ - 1;
        const float reachRight = static_cast<float>(pixels.x1) / scale + starReach_ + 1;
        const auto byColumn = [](const SpriteInstance& star, float x) { return star.centre[0] < x; };
        const auto first = std::lower_bound(stars_.instances.begin(), stars_.instances.end(), reachLeft, byColumn);
        const auto last = std::lower_bound(first, stars_.instances.end(), reachRight, byColumn);
        starsInColumns_.instances.assign(first, last);
        if (!starsInColumns_.instances.empty()) {
            uploadSprites(starsInColumns_);
            drawStars(inputs, starsInColumns_);
        }
        glDisable(GL_SCISSOR_TEST);
    }
}

void SceneRenderer::layOverShapes(const FramePlan& plan, const std::vector<PixelRect>& rectangles) {
    // The layers hold nothing outside their shapes: only the tiles of the frame that the shapes reach are
    // laid over, a scissor for each run of them along a row of tiles within each rectangle, and the sky
    // between the lanes is left.
    const int width = ribbonsLayer_.width(), height = ribbonsLayer_.height();
    const int columns = (width + kShapeTile - 1) / kShapeTile, rows = (height + kShapeTile - 1) / kShapeTile;
    shapeTiles_.assign(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows), 0);
    const float scale = plan.size.pixelScale;
    auto cover = [&](const LogicalBox& box) {
        const PixelBox pixels = pixelsOf(box, scale);
        if (pixels.empty()) return;
        for (int row = pixels.y0 / kShapeTile; row <= (pixels.y1 - 1) / kShapeTile; ++row) {
            std::uint8_t* tiles = shapeTiles_.data() + static_cast<std::ptrdiff_t>(row) * columns;
            std::fill(tiles + pixels.x0 / kShapeTile, tiles + (pixels.x1 - 1) / kShapeTile + 1, std::uint8_t{1});
        }
    };
    for (const RibbonRange& range : ribbonRanges_) {  // each step along a ribbon, as wide as it reaches
        const float reach = range.palette->coreHalfWidth + range.glowWidth * kRibbonGlowReach;
        for (GLint i = range.first; i + 1 < range.first + range.count; ++i) {
            const RibbonVertex& a = ribbonVertices_[static_cast<std::size_t>(i)];
            const RibbonVertex& b = ribbonVertices_[static_cast<std::size_t>(i) + 1];
            LogicalBox step;
            step.cover(a.centre[0], a.centre[1], reach, reach);
            step.cover(b.centre[0], b.centre[1], reach, reach);
            cover(step);
        }
    }
    for (const std::vector<SpriteInstance>* sprites : {&nodes_.instances, &playhead_.instances}) {
        for (const SpriteInstance& sprite : *sprites) {
            LogicalBox box;
            box.cover(sprite.centre[0], sprite.centre[1], sprite.halfSize[0], sprite.halfSize[1]);
            cover(box);
        }
    }
    layer_.use();
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, marksLayer_.texture());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, ribbonsLayer_.texture());
    glBindVertexArray(emptyVao_);
    glEnable(GL_SCISSOR_TEST);
    for (const PixelRect& rect : rectangles) {
        const int rectY0 = height - rect.bottom(), rectY1 = height - rect.y;  // rows from the bottom, as GL counts
        for (int row = std::max(0, rectY0 / kShapeTile); row < rows && row * kShapeTile < rectY1; ++row) {
            const std::uint8_t* tiles = shapeTiles_.data() + static_cast<std::ptrdiff_t>(row) * columns;
            for (int column = std::max(0, rect.x / kShapeTile); column < columns && column * kShapeTile < rect.right();) {
                if (!tiles[column]) {
                    ++column;
                    continue;
                }
                const int first = column;
                while (column < columns && column * kShapeTile < rect.right() && tiles[column]) ++column;
                const int x0 = std::max(rect.x, first * kShapeTile), x1 = std::min({width, rect.right(), column * kShapeTile});
                const int y0 = std::max(rectY0, row * kShapeTile), y1 = std::min({height, rectY1, (row + 1) * kShapeTile});
                if (x1 <= x0 || y1 <= y0) continue;
                glScissor(x0, y0, x1 - x0, y1 - y0);
                glDrawArrays(GL_TRIANGLES, 0, 3);
            }
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

SceneRenderer::PixelBox SceneRenderer::pixelsOf(const LogicalBox& box, float pixelScale) const {
    if (box.right < box.left || box.bottom < box.top) return {};  // covers nothing yet
    const int width = ribbonsLayer_.width(), height = ribbonsLayer_.height();
    return {std::max(0, static_cast<int>(std::floor(box.left * pixelScale)) - 2),
            std::max(0, height - static_cast<int>(std::ceil(box.bottom * pixelScale)) - 2),
            std::min(width, static_cast<int>(std::ceil(box.right * pixelScale)) + 2),
            std::min(height, height - static_cast<int>(std::floor(box.top * pixelScale)) + 2)};
}

bool SceneRenderer::scissorAround(const LogicalBox& box, const FramePlan& plan) const {
    const PixelBox pixels = pixelsOf(box, plan.size.pixelScale);
    if (pixels.empty()) return false;
    glEnable(GL_SCISSOR_TEST);
    glScissor(pixels.x0, pixels.y0, pixels.x1 - pixels.x0, pixels.y1 - pixels.y0);
    return true;
}

bool SceneRenderer::updateLayer(const SceneInputs& inputs, const RenderTarget& layer, ShapeLayer which) {
    layer.bindForDrawing();
    const bool anything = markChanges(inputs, which, stencilReference_);
    if (anything) {
        glStencilFunc(GL_EQUAL, stencilReference_, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
        glStencilMask(0);
        // Only the nodes that reach into the marked rectangles can change a marked pixel: the others are
        // left out (in their order, which keeps the blending's), which spares the renderer thousands of sprites.
        const SpriteBatch* nodes = nullptr;
        if (which == ShapeLayer::Marks) {
            float left = 1e30f, top = 1e30f, right = -1e30f, bottom = -1e30f;
            for (const SpriteInstance& mark : changedMarks_.instances) {
                left = std::min(left, mark.centre[0] - mark.halfSize[0]);
                right = std::max(right, mark.centre[0] + mark.halfSize[0]);
                top = std::min(top, mark.centre[1] - mark.halfSize[1]);
                bottom = std::max(bottom, mark.centre[1] + mark.halfSize[1]);
            }
            nearbyNodes_.instances.clear();
            for (const SpriteInstance& node : nodes_.instances) {
                if (node.centre[0] + node.halfSize[0] < left - 1 || node.centre[0] - node.halfSize[0] > right + 1 ||
                    node.centre[1] + node.halfSize[1] < top - 1 || node.centre[1] - node.halfSize[1] > bottom + 1) {
                    continue;
                }
                nearbyNodes_.instances.push_back(node);
            }
            if (!nearbyNodes_.instances.empty()) uploadSprites(nearbyNodes_);
            nodes = &nearbyNodes_;
        }
        submitLayer(inputs, which, nodes);
    }
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_STENCIL_TEST);
    glStencilMask(0xFF);
    return anything;
}

bool SceneRenderer::markChanges(const SceneInputs& inputs, ShapeLayer which, GLint reference) {
    const FramePlan& plan = *inputs.plan;
    // Rectangles to mark. In the ribbons' layer: the band whose dimming the playhead's move changed. In the
    // marks' layer: the beam and the nodes that changed, where they were and where they are.
    std::vector<SpriteInstance>& rectangles = which == ShapeLayer::Ribbons ? changedRibbons_.instances : changedMarks_.instances;
    rectangles.clear();
    if (which == ShapeLayer::Ribbons) {
        // How high the ribbons reach, all of them and the dream's.
        LogicalBox all, dream;
        for (const RibbonRange& range : ribbonRanges_) {
            const float reach = range.palette->coreHalfWidth + range.glowWidth * kRibbonGlowReach;
            for (int i = range.first; i < range.first + range.count; ++i) {
                const RibbonVertex& vertex = ribbonVertices_[static_cast<std::size_t>(i)];
                all.cover(vertex.centre[0], vertex.centre[1], reach, reach);
                if (range.palette->pattern == 1) dream.cover(vertex.centre[0], vertex.centre[1], reach, reach);
            }
        }
        if (plan.playhead.x != drawn_.playheadX && all.top < all.bottom) {
            // A ribbon's pixel changes with the playhead only where it lies within 4 logical pixels of the
            // playhead (ribbon.frag's smoothstep), then or now; a pixel more either side for rounding.
            const float left = std::min(plan.playhead.x, drawn_.playheadX) - 5.0f;
            const float right = std::max(plan.playhead.x, drawn_.playheadX) + 5.0f;
            rectangles.push_back({{(left + right) / 2, (all.top + all.bottom) / 2},
                                  {(right - left) / 2, (all.bottom - all.top) / 2 + 1},
                                  {0, 0, 0, 0},
                                  {0, 0, 0, 0}});
        }
        // The dream's ribbons shimmer and carry travelling dots: redrawn in the columns whose reading of the
        // clock changed (a logical pixel more either side for rounding), as high as the ribbons reach.
        if (!changedColumns_.empty()) {
            for (const auto& [columnsLeft, columnsRight] : changedColumns_) {
                const float left = std::max(columnsLeft - 1.0f, dream.left), right = std::min(columnsRight + 1.0f, dream.right);
                if (!(left < right) || !(dream.top < dream.bottom)) continue;
                rectangles.push_back({{(left + right) / 2, (dream.top + dream.bottom) / 2},
                                      {(right - left) / 2, (dream.bottom - dream.top) / 2},
                                      {0, 0, 0, 0},
                                      {0, 0, 0, 0}});
            }
        }
    } else {
        auto changedSprites = [&](const std::vector<SpriteInstance>& now, const std::vector<SpriteInstance>& before) {
            for (std::size_t i = 0; i < now.size(); ++i) {
                if (std::memcmp(&now[i], &before[i], sizeof(SpriteInstance)) == 0) continue;
                rectangles.push_back(before[i]);
                rectangles.push_back(now[i]);
            }
        };
        changedSprites(nodes_.instances, drawn_.nodes);
        changedSprites(playhead_.instances, drawn_.playhead);
    }
    if (rectangles.empty()) return false;

    // Nothing outside the marks changes: the scissor spares the renderer the rest of the layer.
    LogicalBox changed;
    for (const SpriteInstance& mark : rectangles) {
        changed.cover(mark.centre[0], mark.centre[1], mark.halfSize[0], mark.halfSize[1]);
    }
    if (!scissorAround(changed, plan)) return false;

    // The marks clear what they cover (mark.frag writes nothing but zero) and mark it in the stencil buffer.
    glDisable(GL_BLEND);
    glEnable(GL_STENCIL_TEST);
    glStencilMask(0xFF);
    glStencilFunc(GL_ALWAYS, reference, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    SpriteBatch& batch = which == ShapeLayer::Ribbons ? changedRibbons_ : changedMarks_;
    markSprite_.use();
    glUniform2f(markSpriteUniforms_.viewSize, plan.size.logicalWidth, plan.size.logicalHeight);
    uploadSprites(batch);
    glBindVertexArray(batch.vao);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(rectangles.size()));
    glBindVertexArray(0);
    return true;
}

void SceneRenderer::remember(const SceneInputs& inputs) {
    drawn_.valid = true;
    drawn_.key = keyOf(*inputs.plan);
    drawn_.time = clockOf(inputs);
    drawn_.still = inputs.reducedMotion;
    drawn_.playheadX = inputs.plan->playhead.x;
    drawn_.ribbonVertices = ribbonVertices_;  // copies into the storage of earlier frames: no allocation once warm
    drawn_.ribbonRanges = ribbonRanges_;
    drawn_.nodes = nodes_.instances;
    drawn_.playhead = playhead_.instances;
}

void SceneRenderer::drawSky(const SceneInputs& inputs) {
    glDisable(GL_BLEND);
    const FramePlan& plan = *inputs.plan;
    sky_.use();
    glUniform2f(skyUniforms_.resolution, plan.size.logicalWidth * plan.size.pixelScale,
                plan.size.logicalHeight * plan.size.pixelScale);
    glUniform1f(skyUniforms_.pixelScale, plan.size.pixelScale);
    glUniform1f(skyUniforms_.horizonY, plan.layout.ruler.y);
    setColour(skyUniforms_.zenith, kSkyZenith);
    setColour(skyUniforms_.indigo, kSkyIndigo);
    setColour(skyUniforms_.violet, kSkyViolet);
    setColour(skyUniforms_.horizon, kSkyHorizon);
    setColour(skyUniforms_.city, kCity);
    glUniform1f(skyUniforms_.cityDarkness, kCityDarkness);
    glUniform1f(skyUniforms_.vignette, kVignette);
    glBindVertexArray(emptyVao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

void SceneRenderer::prepareStars(const FramePlan& plan) {
    // The field depends only on the logical size: made and uploaded again only when that changes.
    if (plan.size.logicalWidth != starFieldWidth_ || plan.size.logicalHeight != starFieldHeight_) {
        starFieldWidth_ = plan.size.logicalWidth;
        starFieldHeight_ = plan.size.logicalHeight;
        makeStarField(starFieldWidth_, starFieldHeight_, starField_);
        // In order of their column, so that the stars of a run of columns are found by bisection.
        std::sort(starField_.begin(), starField_.end(), [](const Star& a, const Star& b) { return a.x < b.x; });
        starReach_ = 0;
        stars_.instances.clear();
        for (const Star& star : starField_) {
            const float extent = star.radius * 6.0f + 2.0f;
            starReach_ = std::max(starReach_, extent);
            // The star's y rides in the colour's alpha, for the fade towards the horizon.
            stars_.instances.push_back({{star.x, star.y}, {extent, extent}, {kStarColour.r, kStarColour.g, kStarColour.b, star.y},
                                        {star.radius, star.brightness, star.twinkleSpeed, star.twinklePhase}});
        }
        uploadSprites(stars_);
    }
}

void SceneRenderer::drawStars(const SceneInputs& inputs, const SpriteBatch& batch) {
    const FramePlan& plan = *inputs.plan;
    if (batch.instances.empty()) return;
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    star_.use();
    glUniform2f(starUniforms_.viewSize, plan.size.logicalWidth, plan.size.logicalHeight);
    glUniform1f(starUniforms_.time, clockOf(inputs));
    glUniform1f(starUniforms_.steps, inputs.reducedMotion ? 0.0f : kAnimationSteps);
    glUniform1f(starUniforms_.sweep, kAnimationSweep);
    glUniform1f(starUniforms_.horizonY, plan.layout.ruler.y);
    glUniform1f(starUniforms_.skyTop, plan.view.canvas.y);
    glBindVertexArray(batch.vao);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(batch.instances.size()));
}

void SceneRenderer::prepareRibbons(const SceneInputs& inputs) {
    const FramePlan& plan = *inputs.plan;
    const Story& story = *inputs.story;

    // One strip per lane on screen, however many lanes there are, all in one buffer.
    ribbonVertices_.clear();
    ribbonRanges_.clear();
    for (const LaneCurve& curve : plan.layout.lanes) {
        const std::size_t n = curve.points.size();
        if (n < 2 || !plan.laneDrawn[static_cast<std::size_t>(curve.lane)]) continue;  // off screen, or crowded out
        const auto first = static_cast<GLint>(ribbonVertices_.size());
        float along = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec2 previous = curve.points[i == 0 ? 0 : i - 1];
            const glm::vec2 next = curve.points[i + 1 == n ? n - 1 : i + 1];
            glm::vec2 tangent = next - previous;
            const float length = std::sqrt(tangent.x * tangent.x + tangent.y * tangent.y);
            tangent = length > 0 ? tangent / length : glm::vec2(1, 0);
            const glm::vec2 normal(-tangent.y, tangent.x);
            if (i > 0) {
                const glm::vec2 step = curve.points[i] - curve.points[i - 1];
                along += std::sqrt(step.x * step.x + step.y * step.y);
            }
            for (float across : {-1.0f, 1.0f}) {
                ribbonVertices_.push_back({{curve.points[i].x, curve.points[i].y},
                                           {normal.x, normal.y},
                                           along,
                                           across,
                                           curve.separation[i]});
            }
        }
        const LaneIndex lane = curve.lane;
        const LaneIndex parent = story.parentLane(lane);
        const LanePalette& palette = lanePalette(story.lanes[static_cast<std::size_t>(lane)].kind);
        const LanePalette& parentPalette =
            parent == kNone ? palette : lanePalette(story.lanes[static_cast<std::size_t>(parent)].kind);
        ribbonRanges_.push_back({first, static_cast<GLsizei>(ribbonVertices_.size()) - first, lane, parent != kNone,
                                 &palette, &parentPalette, palette.glowWidth * plan.ribbonGlowScale});
    }
    uploadToBuffer(ribbonVbo_, ribbonVertices_, ribbonCapacity_);
}

void SceneRenderer::drawRibbons(const SceneInputs& inputs) {
    const FramePlan& plan = *inputs.plan;
    ribbon_.use();
    const auto& u = ribbonUniforms_;
    glUniform2f(u.viewSize, plan.size.logicalWidth, plan.size.logicalHeight);
    glUniform1f(u.playheadX, plan.playhead.x);
    glUniform1f(u.dimAhead, kDimAhead);
    glUniform1f(u.time, clockOf(inputs));
    glUniform1f(u.steps, inputs.reducedMotion ? 0.0f : kAnimationSteps);
    glUniform1f(u.sweep, kAnimationSweep);
    glBindVertexArray(ribbonVao_);
    // Parents first, so a forked lane lies over the lane it peels out of.
    for (int pass = 0; pass < 2; ++pass) {
        for (const RibbonRange& range : ribbonRanges_) {
            if (range.forked != (pass == 1)) continue;
            const LanePalette& palette = *range.palette;
            setColour(u.coreColour, palette.core);
            setColour(u.hotColour, palette.hot);
            setColour(u.glowColour, palette.glow);
            setColour(u.parentColour, range.parentPalette->core);
            glUniform1f(u.coreHalfWidth, palette.coreHalfWidth);
            glUniform1f(u.glowWidth, range.glowWidth);
            glUniform1f(u.halfWidth, palette.coreHalfWidth + range.glowWidth * kRibbonGlowReach);
            glUniform1i(u.pattern, palette.pattern);
            glDrawArrays(GL_TRIANGLE_STRIP, range.first, range.count);
        }
    }
}

void SceneRenderer::prepareNodes(const SceneInputs& inputs) {
    const Story& story = *inputs.story;
    const FramePlan& plan = *inputs.plan;
    std::vector<SpriteInstance>& sprites = nodes_.instances;
    sprites.clear();
    const SearchPlan& search = plan.search;
    for (std::size_t i = 0; i < plan.layout.events.size(); ++i) {
        const EventMark& mark = plan.layout.events[i];
        const Event& event = story.events[static_cast<std::size_t>(mark.event)];
        const LanePalette& palette = lanePalette(story.lanes[static_cast<std::size_t>(event.lane)].kind);
        const bool hinge = mark.isFork || mark.isRejoin;
        const float shape = mark.isCluster() ? 2.0f : hinge ? 1.0f : 0.0f;
        // The node of a lane crowded out of drawing (within a pixel of a drawn one) keeps its disc but
        // not its glow, which would only pile up with its neighbours' and cost the fill of thousands.
        const bool crowded = !plan.laneDrawn[static_cast<std::size_t>(event.lane)];
        const float extent = crowded ? mark.radius + 2.0f : mark.radius * 2.4f + (hinge ? 14.0f : 8.0f);
        float highlight = mark.event == inputs.selectedEvent ? 2.0f : mark.event == inputs.hoveredEvent ? 1.0f : 0.0f;
        const float lit = event.time <= plan.playhead.time + 1e-9 ? 1.0f : 0.0f;
        // While searching, a mark that holds a match wears the search's ring (+4) and the others fade.
        float alpha = 1.0f;
        if (search.active) {
            if (search.markMatches[i]) {
                highlight += 4.0f;
            } else if (highlight == 0.0f) {
                alpha = 0.35f;
            }
        }
        const float extentWithRing = search.active && search.markMatches[i] ? std::max(extent, mark.radius + 12.0f) : extent;
        sprites.push_back({{mark.position.x, mark.position.y},
                            {extentWithRing, extentWithRing},
                            {palette.node.r, palette.node.g, palette.node.b, alpha},
                            {mark.radius, shape, highlight, lit}});
    }
    if (!sprites.empty()) uploadSprites(nodes_);
}

void SceneRenderer::drawNodes(const SceneInputs& inputs, const SpriteBatch& batch) {
    const FramePlan& plan = *inputs.plan;
    const std::vector<SpriteInstance>& sprites = batch.instances;
    if (sprites.empty()) return;
    node_.use();
    glUniform2f(nodeUniforms_.viewSize, plan.size.logicalWidth, plan.size.logicalHeight);
    setColour(nodeUniforms_.ringColour, lanePalette(LaneKind::Dream).core);
    setColour(nodeUniforms_.hotColour, kNodeHotColour);
    setColour(nodeUniforms_.searchColour, kSearchRing);
    glBindVertexArray(batch.vao);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(sprites.size()));
}

void SceneRenderer::preparePlayhead(const FramePlan& plan) {
    const PlayheadPlan& playhead = plan.playhead;
    playhead_.instances.clear();
    if (!playhead.drawn) return;
    const Colour& glow = lanePalette(LaneKind::Real).glow;
    playhead_.instances.push_back({{playhead.x, (playhead.top + playhead.bottom) / 2},
                                   {kBeamHalfWidth, (playhead.bottom - playhead.top) / 2},
                                   {glow.r, glow.g, glow.b, 1},
                                   {0, 0, 0, 0}});
    uploadSprites(playhead_);
}

void SceneRenderer::drawPlayhead(const SceneInputs& inputs) {
    const FramePlan& plan = *inputs.plan;
    if (playhead_.instances.empty()) return;
    beam_.use();
    glUniform2f(beamUniforms_.viewSize, plan.size.logicalWidth, plan.size.logicalHeight);
    setColour(beamUniforms_.beamColour, kBeamColour);
    glBindVertexArray(playhead_.vao);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 1);
}

}  // namespace epilogue
