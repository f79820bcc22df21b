// Ribbon shading with an analytic anti-aliased edge. The real lane is a solid gold band with a hot
// centre line; the dream lane is violet-blue, shimmers, and carries a row of travelling dots, so the
// two differ by pattern as well as colour. Where the dream lies on its parent (the fork and the rejoin)
// it takes the parent's colour and fades, so it peels out of the gold and dissolves back into it.
// Output is premultiplied: the core covers, the glow only adds light.
in float vAcross;
in float vAlong;
in float vSeparation;
in float vX;
out vec4 fragColor;

uniform vec3 uCoreColour;
uniform vec3 uHotColour;
uniform vec3 uGlowColour;
uniform vec3 uParentColour;
uniform float uCoreHalfWidth;
uniform float uGlowWidth;
uniform float uPlayheadX;   // logical pixels; what lies ahead of it is dimmer
uniform float uDimAhead;
uniform float uTime;
uniform float uSteps;       // the clock's readings a second in each column; 0: a still clock (animation_clock.h)
uniform float uSweep;       // logical pixels between columns that read at once
uniform int uPattern;       // 0: real (solid), 1: dream (shimmer and dots)

void main() {
    float d = abs(vAcross);
    float aa = max(fwidth(vAcross), 1e-4);
    float core = 1.0 - smoothstep(uCoreHalfWidth - aa, uCoreHalfWidth + aa, d);
    float hot = 1.0 - smoothstep(0.0, uCoreHalfWidth * 0.75, d);
    float glowDistance = max(d - uCoreHalfWidth * 0.5, 0.0) / uGlowWidth;
    float glow = exp(-glowDistance * glowDistance * 1.6) * 0.55;

    vec3 coreColour = uCoreColour;
    vec3 glowColour = uGlowColour;
    float coverage = core;
    if (uPattern == 1) {
        float offset = vX / uSweep;  // the clock as this column reads it
        float clock = uSteps > 0.0 ? (floor(uTime * uSteps + offset) - offset) / uSteps : 0.0;
        float shimmer = 0.75 + 0.25 * sin(vAlong * 0.045 - clock * 1.7) * sin(vAlong * 0.011 + clock * 0.6);
        coreColour *= shimmer;
        glow *= 0.8 + 0.4 * shimmer;
        // Travelling dots down the middle of the band.
        float phase = fract(vAlong / 14.0 - clock * 0.35);
        float dotMask = 1.0 - smoothstep(0.12, 0.22, length(vec2((phase - 0.5) * 14.0, vAcross) / 7.0));
        hot = max(hot * 0.35, dotMask);
        coverage = core * 0.8;
        float blend = smoothstep(0.0, 0.65, vSeparation);
        coreColour = mix(uParentColour, coreColour, blend);
        glowColour = mix(uParentColour, glowColour, blend);
        float presence = smoothstep(0.0, 0.3, vSeparation);
        coverage *= presence;
        glow *= presence;
        hot *= presence;
    }

    vec3 colour = mix(coreColour, uHotColour, hot * core) * coverage + glowColour * glow;
    float ahead = smoothstep(uPlayheadX - 4.0, uPlayheadX + 4.0, vX);
    float light = mix(1.0, uDimAhead, ahead);
    fragColor = vec4(colour * light, coverage * mix(1.0, 0.75, ahead));
}
