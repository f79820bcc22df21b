// The playhead: a thin line of light with a soft glow, fading out towards the top of the sky.
in vec2 vLocal;
flat in vec2 vHalfSize;
flat in vec4 vColour;
flat in vec4 vStyle;
out vec4 fragColor;

uniform vec3 uBeamColour;  // the line of light (scene_look.h); vColour is its glow

void main() {
    float d = abs(vLocal.x);
    float aa = max(fwidth(vLocal.x), 1e-4);
    float line = 1.0 - smoothstep(0.75 - aa, 0.75 + aa, d);
    float glow = exp(-d * d / 90.0) * 0.35 + exp(-d / 3.0) * 0.25;
    float height = (vLocal.y + vHalfSize.y) / (2.0 * vHalfSize.y);  // 0 at the top, 1 at the bottom
    float fade = smoothstep(0.0, 0.35, height);
    vec3 colour = (uBeamColour * line + vColour.rgb * glow) * fade;
    fragColor = vec4(colour, line * fade);
}
