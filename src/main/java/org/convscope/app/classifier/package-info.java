/**
 * The classifier (concepts.md section 5): the flattened features weighted into the fully connected layers' units,
 * one unit's weighted sum with its numbers, the weight matrix as a picture, softmax step by step and the
 * cross-entropy loss, all from the engine's forward pass.
 */
package org.convscope.app.classifier;
