"""The two methods torch.optim lacks, written on torch.autograd as the course gives them (ch. 8.6):
Newton's method (algorithm 8.8, with the damping of eq. 8.28) and nonlinear conjugate
gradients (algorithm 8.9, Polak–Ribière or Fletcher–Reeves, with a line search).

Both work on a parameter tensor of any length, so they can be checked on bigger quadratics; their
settings are checked by the optimiser catalogue (core.optimizers), as torch.optim's are.
`perturb(g)` is how the lab's common options (noise, clipping) reach the gradient they see.
"""

from __future__ import annotations

from collections.abc import Callable

from core.optimizers import optimizer


def _same(g):
    return g


def gradient(f: Callable, p):
    """∇f at p, by autograd (p itself is left alone)."""
    import torch

    q = p.detach().requires_grad_(True)
    return torch.autograd.grad(f(q), q)[0]


def gradient_and_hessian(f: Callable, p):
    """∇f and the Hessian at p by double backward: one row of H per parameter."""
    import torch

    q = p.detach().requires_grad_(True)
    (g,) = torch.autograd.grad(f(q), q, create_graph=True)
    rows = [torch.autograd.grad(g[i], q, retain_graph=True, allow_unused=True)[0] for i in range(len(q))]
    h = torch.stack([torch.zeros_like(q) if r is None else r for r in rows])
    return g.detach(), h.detach()


class Newton:
    """θ ← θ − lr · (H + aI)⁻¹ g. On a quadratic with lr 1 and a = 0 one step lands on the critical
    point, minimum or saddle alike: that is the course's warning about saddles."""

    def __init__(self, lr: float = 1.0, damping: float = 0.0):
        settings = optimizer("newton").validate({"lr": lr, "damping": damping})
        self.lr, self.damping = settings["lr"], settings["damping"]

    def step(self, f: Callable, p, perturb: Callable = _same, lr_scale: float = 1.0):
        import torch

        g, h = gradient_and_hessian(f, p)
        g = perturb(g)
        h = h + self.damping * torch.eye(len(p), dtype=p.dtype)
        direction = torch.linalg.lstsq(h, g.unsqueeze(1)).solution.squeeze(1)  # a singular H still gives a step
        return p - self.lr * lr_scale * direction


class ConjugateGradient:
    """Nonlinear conjugate gradients: d ← −g + β d_prev, then the lowest point along d.
    Restarts with the plain gradient every `restart` steps (the course's k) or when d is not downhill."""

    def __init__(self, beta: str = "polak-ribiere", restart: int = 0, reach: float = 10.0):
        settings = optimizer("cg").validate({"beta": beta, "restart": restart})
        self.beta, self.restart, self.reach = settings["beta"], settings["restart"], reach
        self.g_prev = self.d_prev = None
        self.count = 0

    def step(self, f: Callable, p, perturb: Callable = _same, lr_scale: float = 1.0):
        """One line search. `lr_scale` does not apply: the line search sets the step length."""
        g = perturb(gradient(f, p))
        d = -g
        restart = self.g_prev is None or (self.restart > 0 and self.count % self.restart == 0)
        if not restart:
            before = self.g_prev @ self.g_prev
            if self.beta == "fletcher-reeves":
                beta = (g @ g) / before
            else:
                beta = ((g - self.g_prev) @ g / before).clamp(min=0)  # PR+: a negative β restarts
            d = -g + beta * self.d_prev
            if d @ g >= 0:  # not downhill: fall back on the gradient
                d = -g
        self.g_prev, self.d_prev, self.count = g, d, self.count + 1
        if not bool((d @ d) > 0):
            return p
        return p + line_minimum(f, p, d, self.reach) * d


def line_minimum(f: Callable, p, d, reach: float = 10.0) -> float:
    """argmin over 0 ≤ ρ ≤ reach/|d| of φ(ρ) = f(p + ρd). Newton steps on φ' first: on a quadratic the
    first is exact (the course's analytic ρ). Where φ curves down or the step goes uphill, bracket the
    minimum and narrow it with Brent's method (scipy) before polishing with Newton steps."""
    import torch
    from scipy.optimize import minimize_scalar

    def phi(rho: float) -> float:
        with torch.no_grad():
            return float(f(p + rho * d))

    def slopes(rho: float) -> tuple[float, float]:  # φ'(ρ), φ''(ρ)
        q = (p + rho * d).detach().requires_grad_(True)
        (g,) = torch.autograd.grad(f(q), q, create_graph=True)
        slope = g @ d
        if not slope.requires_grad:  # f is linear along d
            return float(slope), 0.0
        return float(slope.detach()), float(torch.autograd.grad(slope, q)[0] @ d)

    def polish(rho: float) -> float:
        """Newton steps on φ' while |φ'| keeps falling (slopes, unlike values, stay readable near a minimum)."""
        slope, curve = slopes(rho)
        for _ in range(3):
            if curve <= 0 or slope == 0:
                break
            better = rho - slope / curve
            if not 0.0 <= better <= top:
                break
            new_slope, new_curve = slopes(better)
            if abs(new_slope) >= abs(slope):
                break
            rho, slope, curve = better, new_slope, new_curve
        return rho

    top = reach / float(d.norm())
    slope, curve = slopes(0.0)
    if not slope < 0:  # uphill or flat along d (a noisy gradient can point so): stay
        return 0.0
    guess = -slope / curve if curve > 0 else top / 100
    start = phi(0.0)
    if curve > 0 and 0 < guess <= top and abs(slopes(guess)[0]) <= 0.5 * abs(slope):
        if phi(guess) <= start + 1e-12 * (1 + abs(start)):  # (a tolerance for rounding only)
            return polish(guess)  # φ is close to its quadratic model here (on a quadratic, exactly)
    low, high = 0.0, min(guess, top)
    if phi(high) < start:  # still downhill there: walk on until φ rises again
        while high < top and phi(min(2 * high, top)) < phi(high):
            low, high = high, min(2 * high, top)
        if high >= top:
            return top  # still falling at the edge of the reach: go as far as allowed
        high = min(2 * high, top)
    rho = float(minimize_scalar(phi, bounds=(low, high), method="bounded", options={"xatol": 1e-10 * high}).x)
    return polish(rho)
