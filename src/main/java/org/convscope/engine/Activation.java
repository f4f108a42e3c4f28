package org.convscope.engine;

/** Element-wise non-linearities. {@link #derivative(float)} is d(apply)/dx at the pre-activation x. */
public enum Activation {
    SIGMOID, TANH, RELU;

    public float apply(float x) {
        return switch (this) {
            case SIGMOID -> 1f / (1f + (float) Math.exp(-x));
            case TANH -> (float) Math.tanh(x);
            case RELU -> x > 0f ? x : 0f;
        };
    }

    public float derivative(float x) {
        return switch (this) {
            case SIGMOID -> { float s = apply(x); yield s * (1f - s); }
            case TANH -> { float t = (float) Math.tanh(x); yield 1f - t * t; }
            case RELU -> x > 0f ? 1f : 0f;
        };
    }
}
