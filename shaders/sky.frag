// The magic-hour sky: indigo overhead, violet lower down, a warm glow at the horizon, and the dark city
// below it. The stars are drawn over it as sprites (star.frag).
in vec2 vUv;
out vec4 fragColor;

uniform vec2 uResolution;   // framebuffer pixels
uniform float uPixelScale;  // framebuffer pixels per logical pixel
uniform float uHorizonY;    // logical y of the horizon glow (the ruler's top)
// The colours and strengths, from src/render/scene_look.h (the vector stills draw the same sky from there).
uniform vec3 uZenith;
uniform vec3 uIndigo;
uniform vec3 uViolet;
uniform vec3 uHorizon;
uniform vec3 uCity;
uniform float uCityDarkness;
uniform float uVignette;

float hash12(vec2 p) {
    vec3 p3 = fract(vec3(p.xyx) * 0.1031);
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.x + p3.y) * p3.z);
}

void main() {
    vec2 logical = vec2(gl_FragCoord.x, uResolution.y - gl_FragCoord.y) / uPixelScale;  // y down
    float height = uResolution.y / uPixelScale;
    float up = clamp(1.0 - logical.y / max(uHorizonY, 1.0), 0.0, 1.0);  // 0 at the horizon, 1 at the top

    vec3 colour = mix(uHorizon, uViolet, smoothstep(0.0, 0.22, up));
    colour = mix(colour, uIndigo, smoothstep(0.15, 0.6, up));
    colour = mix(colour, uZenith, smoothstep(0.55, 1.0, up));
    // Below the horizon: the dark city the ruler sits on.
    float belowHorizon = smoothstep(uHorizonY - 2.0, uHorizonY + 24.0, logical.y);
    colour = mix(colour, uCity, belowHorizon * uCityDarkness);

    // A faint vignette keeps the eye on the ribbons.
    vec2 centred = logical / vec2(uResolution.x / uPixelScale, height) - 0.5;
    colour *= 1.0 - uVignette * dot(centred, centred);

    // Dither by half a step so the long gradient shows no bands.
    colour += (hash12(gl_FragCoord.xy) - 0.5) / 255.0;
    fragColor = vec4(colour, 1.0);
}
