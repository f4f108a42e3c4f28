/**
 * The dataset browser: MNIST / Fashion-MNIST, training / test set, a virtualised grid of thumbnails
 * ({@link org.convscope.app.browser.ThumbnailGrid}), a class filter, and the selected image as 784 numbered squares
 * ({@link org.convscope.app.browser.PixelGrid}). "Use this image" sets AppContext.currentImage for the other views.
 * {@link org.convscope.app.browser.BrowserViewModel} holds the state and is tested without JavaFX running.
 */
package org.convscope.app.browser;
