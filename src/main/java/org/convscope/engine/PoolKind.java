package org.convscope.engine;

/** Pooling reduces each window to one value: its maximum or its mean. Pooling has no parameters. */
public enum PoolKind { MAX, AVERAGE }
