/**
 * What the network looks at: a saliency map (the gradient of a class's score with respect to the pixels, from the
 * engine's backward pass) and an occlusion map (how much the class's probability drops when a patch is covered),
 * for the predicted class or any other, alone or against a second class ("why 7 and not 1?").
 */
package org.convscope.app.saliency;
