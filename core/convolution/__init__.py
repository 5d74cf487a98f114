"""Convolution from the inside (course 000, 004 §9.1–9.5): the operation written out, its sizes,
and the same operation as a matrix. Plain numpy, so every number the explorer shows is computed here."""
