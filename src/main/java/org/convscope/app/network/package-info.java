/**
 * The network view: every layer's output for the current image, left to right (input, feature maps, pooled maps,
 * flattened vector, dense units, class probabilities), and the translation-invariance experiment (shift or rotate
 * the input, watch the maps move and the prediction stay). {@link org.convscope.app.network.InputShift} and
 * {@link org.convscope.app.network.InvarianceCurve} are plain Java and unit-tested on their own.
 */
package org.convscope.app.network;
