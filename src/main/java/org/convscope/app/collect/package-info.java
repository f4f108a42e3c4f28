/**
 * "Our handwriting": the class collects its own drawings (raw strokes and the 28x28 MNIST-style image), keeps them
 * on disk as it goes, saves and opens them as MNIST IDX files or a PNG folder per class, merges the sets of several
 * students, and measures how well a model reads them. {@link org.convscope.app.collect.CollectView} is the view;
 * everything else here has no JavaFX import except {@link org.convscope.app.collect.CollectViewModel}.
 */
package org.convscope.app.collect;
