"""The optimizer lab: optimisers racing on 2-D test surfaces (course ch. 8), without a screen."""

from core.optlab.functions import SURFACES, Surface, make_surface
from core.optlab.race import Common, Race, Racer, RacerSpec

__all__ = ["SURFACES", "Common", "Race", "Racer", "RacerSpec", "Surface", "make_surface"]
