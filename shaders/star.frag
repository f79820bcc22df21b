// One star: a soft core and a faint halo, twinkling on the animation clock, fading out towards the
// horizon glow. Style: x = core radius, y = brightness, z = twinkle speed, w = twinkle phase.
in vec2 vLocal;
flat in vec2 vHalfSize;
flat in vec4 vColour;
flat in vec4 vStyle;
out vec4 fragColor;

uniform float uTime;
uniform float uHorizonY;   // logical y of the horizon
uniform float uSkyTop;     // logical y where the fade towards the horizon starts

void main() {
    float d = length(vLocal);
    float size = vStyle.x;
    float core = exp(-d * d / (size * size));
    float halo = exp(-d / (size * 4.0)) * 0.12;
    float twinkle = 0.6 + 0.4 * sin(uTime * vStyle.z + vStyle.w);
    float y = vColour.a;  // the star's own y, passed in the colour's alpha
    float up = clamp((uHorizonY - y) / max(uHorizonY - uSkyTop, 1.0), 0.0, 1.0);
    float light = (core + halo) * twinkle * vStyle.y * smoothstep(0.08, 0.45, up);
    fragColor = vec4(vColour.rgb * light, 0.0);  // stars only add light
}
