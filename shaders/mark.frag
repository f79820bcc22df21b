// Marks the pixels a shape covers, for the scene's partial redraws: drawn with colour writes off, into the
// stencil buffer only, with the vertex shader of the shape it marks (sprite.vert, ribbon.vert), so it
// covers exactly the pixels that shape's own drawing touches.
out vec4 fragColor;

void main() { fragColor = vec4(0.0); }
