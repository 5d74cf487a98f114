"""The one diverging colour ramp for signed values (weights, kernels, feature maps, centred inputs):
orange negative, white zero, blue positive, so every view reads a sign the same way."""

import pyqtgraph as pg

NEGATIVE, ZERO, POSITIVE = (230, 97, 1), (247, 247, 247), (33, 102, 172)
RAMP = pg.ColorMap([0.0, 0.5, 1.0], [NEGATIVE, ZERO, POSITIVE])
