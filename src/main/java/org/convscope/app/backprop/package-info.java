/**
 * How a network learns (backpropagation): for one image and its label, the loss, the gradient of every layer's
 * output, the gradient size per layer (vanishing gradients: sigmoid/average against ReLU/max LeNet at
 * initialisation) and one conv1 kernel's gradient-descent step, from the engine's own backward pass.
 */
package org.convscope.app.backprop;
