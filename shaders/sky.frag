// The magic-hour sky: indigo overhead, violet lower down, a warm glow at the horizon, and the dark city
// below it. The stars are drawn over it as sprites (star.frag).
in vec2 vUv;
out vec4 fragColor;

uniform vec2 uResolution;   // framebuffer pixels
uniform float uPixelScale;  // framebuffer pixels per logical pixel
uniform float uHorizonY;    // logical y of the horizon glow (the ruler's top)

float hash12(vec2 p) {
    vec3 p3 = fract(vec3(p.xyx) * 0.1031);
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.x + p3.y) * p3.z);
}

void main() {
    vec2 logical = vec2(gl_FragCoord.x, uResolution.y - gl_FragCoord.y) / uPixelScale;  // y down
    float height = uResolution.y / uPixelScale;
    float up = clamp(1.0 - logical.y / max(uHorizonY, 1.0), 0.0, 1.0);  // 0 at the horizon, 1 at the top

    vec3 zenith = vec3(0.030, 0.032, 0.105);
    vec3 indigo = vec3(0.085, 0.060, 0.215);
    vec3 violet = vec3(0.230, 0.110, 0.330);
    vec3 horizon = vec3(0.520, 0.230, 0.380);
    vec3 colour = mix(horizon, violet, smoothstep(0.0, 0.22, up));
    colour = mix(colour, indigo, smoothstep(0.15, 0.6, up));
    colour = mix(colour, zenith, smoothstep(0.55, 1.0, up));
    // Below the horizon: the dark city the ruler sits on.
    float belowHorizon = smoothstep(uHorizonY - 2.0, uHorizonY + 24.0, logical.y);
    colour = mix(colour, vec3(0.045, 0.030, 0.085), belowHorizon * 0.9);

    // A faint vignette keeps the eye on the ribbons.
    vec2 centred = logical / vec2(uResolution.x / uPixelScale, height) - 0.5;
    colour *= 1.0 - 0.35 * dot(centred, centred);

    // Dither by half a step so the long gradient shows no bands.
    colour += (hash12(gl_FragCoord.xy) - 0.5) / 255.0;
    fragColor = vec4(colour, 1.0);
}
