package org.convscope.app.sharing;

/**
 * The three ways concepts.md section 7 wires an output layer to its input, compared over the same shapes.
 * FULL: every output unit sees every input unit. LOCAL: each output unit sees only a kernel-sized neighbourhood,
 * with its own weights. SHARED: local, and every position of one output channel re-uses the same kernel (a convolution).
 */
public enum Wiring { FULL, LOCAL, SHARED }
