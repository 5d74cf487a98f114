"""The convolution explorer (course 000, 004 §9.1–9.5): the operation, its sizes and its matrix."""
