// Lays the scene's two cached layers of shapes (premultiplied, each drawn over nothing) over the target,
// pixel for pixel, in one pass: the ribbons, with the beam and the nodes over them.
out vec4 fragColor;

uniform sampler2D uUnder;  // the ribbons
uniform sampler2D uOver;   // the beam and the nodes

void main() {
    vec4 under = texelFetch(uUnder, ivec2(gl_FragCoord.xy), 0);
    vec4 over = texelFetch(uOver, ivec2(gl_FragCoord.xy), 0);
    fragColor = over + (1.0 - over.a) * under;
}
