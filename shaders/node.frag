// An event node: a glowing disc with a white-hot centre. Style: x = radius (logical pixels),
// y = 1 for a fork or rejoin (a second, violet ring), 2 for a cluster of events (a faint ring of the
// node's own colour, as of marks stacked behind it), z = 1 hovered / 2 selected, plus 4 for a match of
// the search (a bright cyan ring outside everything else), w = lit (1 once the playhead has passed it, 0
// ahead of it). The colour's alpha fades the whole node (the marks a search does not match).
in vec2 vLocal;
flat in vec2 vHalfSize;
flat in vec4 vColour;
flat in vec4 vStyle;
out vec4 fragColor;

uniform vec3 uRingColour;
uniform vec3 uHotColour;     // the white-hot centre (scene_look.h)
uniform vec3 uSearchColour;  // the ring of a match of the search

void main() {
    float radius = vStyle.x;
    float d = length(vLocal);
    float aa = max(fwidth(d), 1e-4);
    float lit = vStyle.w;
    float disc = 1.0 - smoothstep(radius - aa, radius + aa, d);
    float hot = 1.0 - smoothstep(0.0, radius * 0.7, d);
    float glow = exp(-(d * d) / (radius * radius * 2.2)) * mix(0.25, 0.7, lit);
    if (vStyle.y > 1.5) glow *= 0.4;  // clusters sit side by side: their glows must not add up to a white bar

    vec3 base = vColour.rgb * mix(0.55, 1.0, lit);
    vec3 colour = mix(base, uHotColour, hot * mix(0.35, 0.85, lit)) * disc + vColour.rgb * glow;
    float alpha = disc;

    if (vStyle.y > 1.5) {  // a cluster: a faint ring of its own colour
        float ring = 1.0 - smoothstep(0.8 - aa, 0.8 + aa, abs(d - (radius + 3.5)));
        colour += vColour.rgb * ring * mix(0.35, 0.7, lit);
        alpha = max(alpha, ring * 0.7);
    } else if (vStyle.y > 0.5) {  // fork or rejoin: a ring of the dream's colour around the node
        float ringRadius = radius + 5.0;
        float ring = 1.0 - smoothstep(1.0 - aa, 1.0 + aa, abs(d - ringRadius));
        colour += uRingColour * ring * mix(0.6, 1.0, lit);
        alpha = max(alpha, ring);
    }
    float emphasis = vStyle.z;
    if (emphasis > 3.5) {  // a match of the search
        emphasis -= 4.0;
        float ringRadius = radius + (vStyle.y > 0.5 ? 9.5 : 6.5) + (emphasis > 1.5 ? 3.5 : 0.0);
        float ring = 1.0 - smoothstep(1.3 - aa, 1.3 + aa, abs(d - ringRadius));
        colour += uSearchColour * ring;
        alpha = max(alpha, ring);
    }
    if (emphasis > 0.5) {  // hovered: brighter halo; selected: a white ring as well
        colour += vColour.rgb * exp(-(d * d) / (radius * radius * 5.0)) * 0.45;
        if (emphasis > 1.5) {
            float ringRadius = radius + (vStyle.y > 0.5 ? 9.5 : 5.5);
            float ring = 1.0 - smoothstep(1.1 - aa, 1.1 + aa, abs(d - ringRadius));
            colour += vec3(1.0) * ring;
            alpha = max(alpha, ring);
        }
    }
    fragColor = vec4(colour * vColour.a, alpha * vColour.a);
}
