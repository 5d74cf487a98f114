"""Gabor functions (course 004 §9.10) and fitting them to learned filters.

The course writes a simple cell's weights as

    w(x, y) = α · exp(−β_x x'² − β_y y'²) · cos(f x' + φ)
    x' =  (x − x0) cos τ + (y − y0) sin τ
    y' = −(x − x0) sin τ + (y − y0) cos τ

Here x grows to the right and y upwards (pixel units, 0 at the kernel's
centre), so τ turns counter-clockwise on screen. A fit also has an offset,
because a learned kernel need not average to zero. How Gabor-like a kernel
is, is the R² of its best fit: the share of its variance the Gabor explains.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from core.words import translate

GABOR_LIKE = 0.6  # R² from which a kernel counts as Gabor-like
MIN_WIDTH = 0.25  # envelope widths below this (pixels) are treated as this: a width of 0 divides by 0
_ORDER = ("x0", "y0", "tau", "f", "phi", "sigma_x", "sigma_y", "alpha", "offset")


@dataclass(frozen=True)
class GaborParams:
    """The course's parameters; the envelope is kept as widths σ (β = 1 / 2σ²), which read in pixels."""

    x0: float = 0.0  # centre, pixels right of the kernel's centre
    y0: float = 0.0  # centre, pixels above the kernel's centre
    tau: float = 0.0  # τ: direction across the stripes (radians from the x axis, counter-clockwise)
    f: float = 1.0  # frequency of the cosine along x', radians per pixel
    phi: float = 0.0  # φ: phase of the cosine at the centre
    sigma_x: float = 2.0  # envelope width across the stripes (along x')
    sigma_y: float = 2.0  # envelope width along the stripes (along y')
    alpha: float = 1.0  # α: amplitude
    offset: float = 0.0

    @property
    def beta_x(self) -> float:
        return 0.5 / self.sigma_x**2

    @property
    def beta_y(self) -> float:
        return 0.5 / self.sigma_y**2

    @property
    def wavelength(self) -> float:
        """Pixels per cycle of the cosine (infinite for f = 0)."""
        return 2 * math.pi / self.f if self.f > 0 else math.inf

    def as_array(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in _ORDER], dtype=np.float64)

    @classmethod
    def from_array(cls, values) -> GaborParams:
        return cls(*(float(v) for v in values))

    def canonical(self) -> GaborParams:
        """The same function written with α ≥ 0, f ≥ 0, τ in [0, π) and φ in (−π, π]:
        turning τ by π mirrors x', which the cosine absorbs as −φ."""
        tau, f, phi, alpha = self.tau, self.f, self.phi, self.alpha
        if f < 0:
            f, phi = -f, -phi
        if alpha < 0:
            alpha, phi = -alpha, phi + math.pi
        tau %= 2 * math.pi
        if tau >= math.pi:
            tau, phi = tau - math.pi, -phi
        phi = math.pi - (math.pi - phi) % (2 * math.pi)
        return replace(self, tau=tau, f=f, phi=phi, alpha=alpha)


def pixel_grid(height: int, width: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """x (right) and y (up) of every pixel of an image, 0 at the image's centre; row 0 is the top."""
    width = height if width is None else width
    x = np.arange(width) - (width - 1) / 2
    y = (height - 1) / 2 - np.arange(height)
    return np.meshgrid(x, y)


def gabor(params: GaborParams, height: int, width: int | None = None) -> np.ndarray:
    """The Gabor function sampled on a height×width pixel grid (row 0 at the top)."""
    x, y = pixel_grid(height, width)
    return _evaluate(params.as_array(), x, y)


def _evaluate(p: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    x0, y0, tau, f, phi, sx, sy, alpha, offset = p
    sx, sy = max(abs(sx), MIN_WIDTH), max(abs(sy), MIN_WIDTH)
    dx, dy = x - x0, y - y0
    c, s = math.cos(tau), math.sin(tau)
    xr, yr = dx * c + dy * s, -dx * s + dy * c
    return alpha * np.exp(-0.5 * (xr / sx) ** 2 - 0.5 * (yr / sy) ** 2) * np.cos(f * xr + phi) + offset


def _jacobian(p: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Derivatives of every pixel by every parameter: an exact Jacobian makes the fit several times faster."""
    x0, y0, tau, f, phi, sx, sy, alpha, _ = p
    sx, sy = math.copysign(max(abs(sx), MIN_WIDTH), sx), math.copysign(max(abs(sy), MIN_WIDTH), sy)
    dx, dy = x.ravel() - x0, y.ravel() - y0
    c, s = math.cos(tau), math.sin(tau)
    xr, yr = dx * c + dy * s, -dx * s + dy * c
    envelope = np.exp(-0.5 * (xr / sx) ** 2 - 0.5 * (yr / sy) ** 2)
    wave = f * xr + phi
    cos_w, sin_w = np.cos(wave), np.sin(wave)
    g = alpha * envelope
    d_xr = g * (-xr / sx**2 * cos_w - f * sin_w)  # ∂w/∂x'
    d_yr = g * (-yr / sy**2 * cos_w)  # ∂w/∂y'
    return np.stack(
        [
            -(d_xr * c - d_yr * s),  # x0: x' and y' both move against it
            -(d_xr * s + d_yr * c),
            d_xr * yr - d_yr * xr,  # τ: ∂x'/∂τ = y', ∂y'/∂τ = −x'
            -g * sin_w * xr,
            -g * sin_w,
            g * cos_w * xr**2 / sx**3,
            g * cos_w * yr**2 / sy**3,
            envelope * cos_w,
            np.ones_like(xr),
        ],
        axis=1,
    )


@dataclass(frozen=True)
class GaborFit:
    params: GaborParams
    image: np.ndarray  # the fitted Gabor on the kernel's grid
    r2: float  # share of the kernel's variance the fit explains (0 for a flat kernel)

    @property
    def gabor_like(self) -> bool:
        return self.r2 >= GABOR_LIKE


def _starts(kernel: np.ndarray, x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    """A few guesses to start from: the strongest spatial frequencies of the kernel (orientation and
    frequency), its energy's centre (position and widths), the phase of that frequency there, and a
    low-frequency blob."""
    h, w = kernel.shape
    v = kernel - kernel.mean()
    energy = v**2 / (v**2).sum()
    cx, cy = float((energy * x).sum()), float((energy * y).sum())
    spread = math.sqrt(float((energy * ((x - cx) ** 2 + (y - cy) ** 2)).sum()) / 2)
    sigma = min(max(spread, 0.8), max(h, w) / 2)
    alpha = float(np.abs(v).max())
    pad = 4 * max(h, w)
    spectrum = np.abs(np.fft.rfft2(v, (pad, pad)))
    spectrum[0, 0] = 0.0
    rows, cols = np.unravel_index(np.argsort(spectrum, axis=None)[::-1], spectrum.shape)
    starts, seen = [], []
    for r, cl in zip(rows[:40], cols[:40], strict=True):
        kx = 2 * math.pi * cl / pad
        ky = -2 * math.pi * (r if r <= pad // 2 else r - pad) / pad  # y runs up, rows run down
        if any(math.hypot(kx - a, ky - b) < 0.6 for a, b in seen):
            continue
        seen.append((kx, ky))
        f, tau = math.hypot(kx, ky), math.atan2(ky, kx)
        for px, py in [(cx, cy)] + ([(0.0, 0.0)] if math.hypot(cx, cy) > 0.5 else []):
            # the kernel's own Fourier coefficient at (kx, ky), taken about the guessed centre, gives φ
            coefficient = (v * np.exp(-1j * (kx * (x - px) + ky * (y - py)))).sum()
            phi = math.atan2(coefficient.imag, coefficient.real)
            starts.append(np.array([px, py, tau, f, phi, sigma, sigma * 1.3, alpha, 0.0]))
        if len(seen) == 2:
            break
    starts.append(np.array([cx, cy, 0.0, 0.3, 0.0, sigma, sigma, float(v.flat[np.abs(v).argmax()]), 0.0]))
    return starts


def _linear_part(p: np.ndarray, target: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """The guess with its best amplitude and offset (both enter linearly), and its squared error."""
    shape = _evaluate(np.r_[p[:7], 1.0, 0.0], x, y).ravel()
    design = np.stack([shape, np.ones_like(shape)], 1)
    (alpha, offset), *_ = np.linalg.lstsq(design, target, rcond=None)
    p = np.r_[p[:7], alpha, offset]
    return p, float(((design @ [alpha, offset] - target) ** 2).sum())


def fit_gabor(kernel: np.ndarray, start: GaborParams | None = None, tries: int = 2) -> GaborFit:
    """The Gabor closest to a 2-D kernel in least squares. Of several starting guesses (and `start`,
    a previous fit of the same kernel: a filter changes little between two looks during training),
    the `tries` closest ones are refined by Levenberg-Marquardt and the best result is kept."""
    from scipy.optimize import least_squares  # here, not at import: scipy.optimize takes a second to load

    kernel = np.asarray(kernel, dtype=np.float64)
    if kernel.ndim != 2:
        raise ValueError(
            translate("probes", "a Gabor is fitted to a 2-D kernel, not an array of shape {0}").format(kernel.shape)
        )
    h, w = kernel.shape
    if min(h, w) < 3:
        raise ValueError(
            translate(
                "probes", "a {0}×{1} kernel has fewer pixels than a Gabor has parameters: it needs at least 3×3"
            ).format(h, w)
        )
    x, y = pixel_grid(h, w)
    total = float(((kernel - kernel.mean()) ** 2).sum())
    if not np.isfinite(total) or total <= 1e-12 * max(1.0, float(np.abs(kernel).max()) ** 2):
        flat = GaborParams(alpha=0.0, offset=float(kernel.mean()) if np.isfinite(total) else 0.0)
        return GaborFit(flat, gabor(flat, h, w), 0.0)
    scale = math.sqrt(total / kernel.size)  # fit a kernel of unit spread, so tolerances mean the same for all
    target = kernel.ravel() / scale
    guesses = _starts(kernel / scale, x, y)
    if start is not None:
        guesses.insert(0, start.as_array())
    scored = sorted((_linear_part(g, target, x, y) for g in guesses), key=lambda pair: pair[1])
    best = None
    for guess, _ in scored[:tries]:
        result = least_squares(
            lambda p: _evaluate(p, x, y).ravel() - target,
            guess,
            jac=lambda p: _jacobian(p, x, y),
            method="lm",
            max_nfev=50,
        )
        if best is None or result.cost < best.cost:
            best = result
    p = best.x.copy()
    p[[7, 8]] *= scale
    p[[5, 6]] = np.maximum(np.abs(p[[5, 6]]), MIN_WIDTH)  # the widths enter squared: their sign means nothing
    params = GaborParams.from_array(p).canonical()
    image = gabor(params, h, w)
    r2 = 1.0 - float(((kernel - image) ** 2).sum()) / total
    return GaborFit(params, image, max(r2, 0.0))


def fit_gabors(kernels: np.ndarray, starts: list[GaborParams | None] | None = None) -> list[GaborFit]:
    """A fit for each kernel of an (n, h, w) stack."""
    starts = starts or [None] * len(kernels)
    return [fit_gabor(k, s) for k, s in zip(kernels, starts, strict=True)]


def gabor_share(kernels: np.ndarray, threshold: float = GABOR_LIKE) -> float:
    """The share of an (n, h, w) stack of kernels whose Gabor fit reaches R² ≥ threshold."""
    fits = fit_gabors(kernels)
    return sum(fit.r2 >= threshold for fit in fits) / max(len(fits), 1)
