/**
 * The datasets: IDX files (raw or gzip) read and checked into compact {@link org.convscope.data.Dataset}s.
 * No JavaFX here; loading blocks and reports {@link org.convscope.data.LoadProgress}, the UI runs it in the
 * background. Entry points: {@link org.convscope.data.BundledDatasets#get} for the data shipped with the app,
 * {@link org.convscope.data.DatasetLoader#load} for files the user picks.
 */
package org.convscope.data;
