// A lane's ribbon: a triangle strip along its centre line, wide enough for the core and its glow.
layout(location = 0) in vec2 aCentre;      // logical pixels, y down
layout(location = 1) in vec2 aNormal;      // unit normal of the centre line
layout(location = 2) in float aAlong;      // distance along the lane, logical pixels
layout(location = 3) in float aAcross;     // -1 or +1: which edge of the strip
layout(location = 4) in float aSeparation; // 0 on the parent lane, 1 fully apart

uniform vec2 uViewSize;     // logical pixels
uniform float uHalfWidth;   // core plus glow, logical pixels

out float vAcross;
out float vAlong;
out float vSeparation;
out float vX;

void main() {
    vec2 position = aCentre + aNormal * aAcross * uHalfWidth;
    vAcross = aAcross * uHalfWidth;
    vAlong = aAlong;
    vSeparation = aSeparation;
    vX = position.x;
    gl_Position = vec4(position.x / uViewSize.x * 2.0 - 1.0, 1.0 - position.y / uViewSize.y * 2.0, 0.0, 1.0);
}
