// Lays a layer drawn earlier (premultiplied) over the target, pixel for pixel: the scene's cached layers
// (the sky, and the ribbons, playhead and nodes) are composed with it.
out vec4 fragColor;

uniform sampler2D uLayer;

void main() { fragColor = texelFetch(uLayer, ivec2(gl_FragCoord.xy), 0); }
