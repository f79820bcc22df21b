// One star: a soft core and a faint halo, twinkling on the animation clock, fading out towards the
// horizon glow. Style: x = core radius, y = brightness, z = twinkle speed, w = twinkle phase.
in vec2 vLocal;
flat in vec2 vHalfSize;
flat in vec4 vColour;
flat in vec4 vStyle;
flat in float vCentreX;
out vec4 fragColor;

uniform float uTime;
uniform float uSteps;    // the clock's readings a second in each column; 0: a still clock (animation_clock.h)
uniform float uSweep;    // logical pixels between columns that read at once
uniform float uHorizonY;   // logical y of the horizon
uniform float uSkyTop;     // logical y where the fade towards the horizon starts

void main() {
    float d = length(vLocal);
    float size = vStyle.x;
    float core = exp(-d * d / (size * size));
    float halo = exp(-d / (size * 4.0)) * 0.12;
    float offset = vCentreX / uSweep;  // the clock as the star's column reads it
    float clock = uSteps > 0.0 ? (floor(uTime * uSteps + offset) - offset) / uSteps : 0.0;
    float twinkle = 0.6 + 0.4 * sin(clock * vStyle.z + vStyle.w);
    float y = vColour.a;  // the star's own y, passed in the colour's alpha
    float up = clamp((uHorizonY - y) / max(uHorizonY - uSkyTop, 1.0), 0.0, 1.0);
    float light = (core + halo) * twinkle * vStyle.y * smoothstep(0.08, 0.45, up);
    fragColor = vec4(vColour.rgb * light, 0.0);  // stars only add light
}
