"""The `convolve` verb: the convolution explorer's arithmetic in a terminal (the headless twin of
the Convolution view): an input, a kernel, stride, padding and dilation; the output map, the size
formula with its numbers, one cell's products, and with --matrix the doubly block Toeplitz check."""

from __future__ import annotations

import numpy as np

from core.cli.terminal import say

EXIT_OK, EXIT_PROBLEM = 0, 1


def add_parser(verbs) -> None:
    from core.convolution.kernels import PRESETS

    convolve = verbs.add_parser(
        "convolve",
        help="slide a kernel over an image and write out the arithmetic",
        description="Convolve an input with a kernel as the Convolution view does, and print the output map "
        "(torch's cross-correlation, or with --true the flipped-kernel convolution), the output-size formula "
        "with the numbers filled in, and the products summed for one output cell.",
        epilog="Inputs: digit:N (scikit-learn's digit N), photo:china|flower[:TOP:LEFT] (a 16×16 patch, "
        "TOP and LEFT from 0 to 1). Kernels: " + ", ".join(f"'{name}'" for name in PRESETS) + " or rows of "
        "numbers, e.g. '1 0 -1; 2 0 -2; 1 0 -1'.",
    )
    convolve.add_argument("--input", default="digit:0", help="digit:N or photo:NAME[:TOP:LEFT] (default digit:0)")
    convolve.add_argument("--kernel", default="Sobel x", help="a preset's name or rows of numbers")
    convolve.add_argument("--stride", type=int, default=1)
    convolve.add_argument("--padding", default="valid", help="valid, same, full or a number of zeros")
    convolve.add_argument("--dilation", type=int, default=1)
    convolve.add_argument("--cell", default="0,0", help="ROW,COL of the output cell whose products are written out")
    convolve.add_argument("--true", action="store_true", help="the true convolution (the kernel turned half a turn)")
    convolve.add_argument("--matrix", action="store_true", help="also build the convolution's matrix and check it")


class _Bad(ValueError):
    """An argument that cannot be used; the message says why."""


def _input(text: str) -> np.ndarray:
    from core.convolution import inputs

    kind, _, rest = text.partition(":")
    parts = rest.split(":") if rest else []
    try:
        if kind == "digit":
            return inputs.digit(int(parts[0]) if parts else 0)
        if kind == "photo":
            name = parts[0] if parts else inputs.PHOTOS[0]
            if name not in inputs.PHOTOS:
                raise _Bad(f"there is no photograph '{name}' (there are {', '.join(inputs.PHOTOS)})")
            top, left = (float(parts[1]), float(parts[2])) if len(parts) >= 3 else (0.5, 0.5)
            return inputs.photo_patch(inputs.PHOTOS.index(name), top, left)
    except (ValueError, IndexError) as err:
        if isinstance(err, _Bad):
            raise
        raise _Bad(f"cannot read the input '{text}': use digit:N or photo:NAME[:TOP:LEFT]") from None
    raise _Bad(f"unknown input '{text}': use digit:N or photo:NAME[:TOP:LEFT]")


def _kernel(text: str) -> np.ndarray:
    from core.convolution.kernels import PRESETS, preset

    names = {name.lower(): name for name in PRESETS}
    if text.strip().lower() in names:
        return preset(names[text.strip().lower()])
    try:
        rows = [[float(v.replace("−", "-")) for v in row.replace(",", " ").split()] for row in text.split(";")]
    except ValueError:
        raise _Bad(f"'{text}' is neither a preset ({', '.join(PRESETS)}) nor rows of numbers") from None
    if not rows or any(len(row) != len(rows[0]) for row in rows) or not rows[0]:
        raise _Bad("every row of the kernel must have the same number of values, separated by ';'")
    return np.array(rows)


def _padding(text: str):
    if text in ("valid", "same", "full"):
        return text
    try:
        return int(text)
    except ValueError:
        raise _Bad(f"padding must be valid, same, full or a number, not '{text}'") from None


def _grid(values: np.ndarray, digits: int = 2) -> str:
    width = max(len(f"{v:.{digits}f}") for v in values.ravel())
    return "\n".join("  " + " ".join(f"{v:{width}.{digits}f}" for v in row) for row in values)


def run(args) -> int:
    from core.convolution.explorer import (
        ConvError,
        ConvSettings,
        convolve,
        cross_correlate,
        size_formula,
        terms,
        written_sum,
    )
    from core.convolution.matrix import conv_parameters, dense_parameters, doubly_blocked

    try:
        image, kernel = _input(args.input), _kernel(args.kernel)
        conv = ConvSettings(args.stride, _padding(args.padding), args.dilation)
        out = (convolve if args.true else cross_correlate)(image, kernel, conv)
        try:
            i, j = (int(v) for v in args.cell.split(","))
        except ValueError:
            raise _Bad(f"--cell must be ROW,COL, not '{args.cell}'") from None
        found = terms(image, kernel, i, j, conv, flip=args.true)
    except (_Bad, ConvError) as err:
        say(f"error: {err}", err=True)
        return EXIT_PROBLEM
    what = "true convolution (kernel turned)" if args.true else "cross-correlation (torch's conv2d)"
    say(f"input {args.input}, {image.shape[0]}×{image.shape[1]}:\n{_grid(image)}")
    say(f"kernel {kernel.shape[0]}×{kernel.shape[1]}:\n{_grid(kernel[::-1, ::-1] if args.true else kernel)}")
    say(f"output, {what}, {out.shape[0]}×{out.shape[1]}:\n{_grid(out)}")
    say(f"rows:    {size_formula(image.shape[0], kernel.shape[0], conv)}")
    say(f"columns: {size_formula(image.shape[1], kernel.shape[1], conv)}")
    say(f"cell ({i}, {j}): {written_sum(found)}")
    dense = dense_parameters((1, *image.shape), (1, *out.shape))
    say(f"parameters: this convolution {conv_parameters(1, 1, kernel.shape)}, a dense layer {dense:,}")
    if args.matrix:
        try:
            m = doubly_blocked(kernel[::-1, ::-1] if args.true else kernel, image.shape, conv)
        except ConvError as err:
            say(f"matrix: {err}")
            return EXIT_OK
        error = float(np.abs(m @ image.ravel() - out.ravel()).max())
        say(
            f"matrix: {m.shape[0]}×{m.shape[1]}, {np.count_nonzero(m):,} of {m.size:,} entries non-zero; "
            f"largest |M·x − output| = {error:.1e}"
        )
    return EXIT_OK
