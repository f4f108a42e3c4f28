/**
 * The draw view: a pad to draw a digit on (or a picture / a dataset image), the MNIST-style preprocessing made
 * visible step by step, and the network's ten class probabilities updated while the stroke is drawn.
 * {@link org.convscope.app.draw.Drawing}, {@link org.convscope.app.draw.Preprocessing} and
 * {@link org.convscope.app.draw.PictureImport} are plain Java (no JavaFX) and unit-tested on their own.
 */
package org.convscope.app.draw;
