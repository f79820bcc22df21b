// Instanced sprites (event nodes, the playhead beam): one quad per instance, sized and placed per
// instance, so all nodes are drawn with a single call.
layout(location = 0) in vec2 aCentre;   // logical pixels, y down
layout(location = 1) in vec2 aHalfSize; // logical pixels
layout(location = 2) in vec4 aColour;
layout(location = 3) in vec4 aStyle;    // meaning depends on the fragment shader

uniform vec2 uViewSize;

out vec2 vLocal;          // logical pixels from the centre
flat out vec2 vHalfSize;
flat out vec4 vColour;
flat out vec4 vStyle;
flat out float vCentreX;  // logical pixels

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    vLocal = corner * aHalfSize;
    vHalfSize = aHalfSize;
    vColour = aColour;
    vStyle = aStyle;
    vCentreX = aCentre.x;
    vec2 position = aCentre + vLocal;
    gl_Position = vec4(position.x / uViewSize.x * 2.0 - 1.0, 1.0 - position.y / uViewSize.y * 2.0, 0.0, 1.0);
}
