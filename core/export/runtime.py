"""The fixed second half of an exported script: initialisation, the training loop, evaluation, the
command line and torchrun support, as source text.

It mirrors core.train.trainer step for step (the same seed, the same batch order from a torch.Generator,
the last batch of one sample dropped, penalties, clipping, the schedule through LambdaLR, evaluation on
the whole train and test sets after each epoch), so the script prints the metrics `main.py train` prints.
Under torchrun the same loop runs on every process: DistributedDataParallel averages the gradients and a
DistributedSampler gives each process its share of every epoch.
"""

from __future__ import annotations

RUNTIME = '''
# ---- initialisation ---------------------------------------------------------------------------------


def initialise(model, scheme, scale):
    """Apply the project's init scheme to every weight matrix or kernel; biases start at zero."""
    if scheme == "default":
        return
    norm_scales = {id(m.weight) for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm) and m.affine}
    with torch.no_grad():
        for p in model.parameters():
            if id(p) in norm_scales:
                continue
            if p.dim() < 2 or scheme == "zeros":
                nn.init.zeros_(p)
            elif scheme == "constant":
                nn.init.constant_(p, scale)
            elif scheme == "normal":
                nn.init.normal_(p, 0.0, scale)
            elif scheme == "xavier":
                nn.init.xavier_uniform_(p)
            elif scheme == "kaiming":
                nn.init.kaiming_normal_(p, nonlinearity="relu")
            elif scheme == "orthogonal":
                nn.init.orthogonal_(p)


def schedule(training, steps_per_epoch):
    """The factor the learning rate is multiplied by at each step."""
    total = max(1, training["epochs"] * steps_per_epoch)
    warmup = training.get("warmup_epochs", 0) * steps_per_epoch
    if training["schedule"] == "step":
        decay = lambda step: training["step_gamma"] ** (step // (training["step_epochs"] * steps_per_epoch))
    elif training["schedule"] == "linear":
        decay = lambda step: max(0.0, 1.0 - min(step, total) / total)
    elif training["schedule"] == "cosine":
        decay = lambda step: 0.5 * (1 + math.cos(math.pi * min(step, total) / total))
    else:
        decay = lambda step: 1.0
    if not warmup:
        return decay
    return lambda step: decay(step) * min(1.0, (step + 1) / warmup)


# ---- loss and evaluation ------------------------------------------------------------------------------


def data_loss(out, y, num_classes):
    """The Output node's loss."""
    if Model.LOSS == "cross_entropy":
        return nn.functional.cross_entropy(out, y)
    if num_classes:
        width = out.shape[1]
        target = y.float()[:, None] if width == 1 else nn.functional.one_hot(y, width).float()
    else:
        target = y.float().reshape(out.shape)
    if Model.LOSS == "bce":
        return nn.functional.binary_cross_entropy_with_logits(out, target)
    return nn.functional.mse_loss(out, target)


def evaluate(model, x, y, num_classes, chunk=2048):
    """Loss and accuracy (None for regression) on a whole set, in evaluation mode."""
    if len(x) == 0:
        return float("nan"), None
    model.eval()
    with torch.inference_mode():
        out = torch.cat([model(x[i : i + chunk]) for i in range(0, len(x), chunk)])
    loss = data_loss(out, y, num_classes).item()
    if not num_classes:
        return loss, None
    if out.shape[1] == 1:
        predicted = (out[:, 0] > (0.0 if Model.LOSS == "bce" else 0.5)).long()
    else:
        predicted = out.argmax(1)
    return loss, (predicted == y).float().mean().item()


# ---- batches ---------------------------------------------------------------------------------------


def split(n, size):
    """Batch bounds; a last batch of one sample is dropped (batch norm cannot train on it)."""
    bounds = [(a, min(a + size, n)) for a in range(0, n, size)]
    if len(bounds) > 1 and bounds[-1][1] - bounds[-1][0] == 1:
        bounds.pop()
    return bounds


def epoch_batches(n, batch_size, generator, sampler, epoch):
    """This process's batches of one epoch: a shuffled order cut into batches."""
    if sampler is None:
        order = torch.randperm(n, generator=generator)
    else:
        sampler.set_epoch(epoch)
        order = torch.tensor(list(sampler))
    return [order[a:b] for a, b in split(len(order), batch_size)]


# ---- the run ---------------------------------------------------------------------------------------


def pick_device(choice, local_rank):
    """CUDA, then Apple MPS, then the CPU; under torchrun each process takes its own GPU."""
    if choice == "auto":
        choice = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
    if choice == "cuda":
        return torch.device("cuda", local_rank)
    return torch.device(choice)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=TRAINING["epochs"], help="epochs to train")
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda", "mps"), help="where to train")
    parser.add_argument("--out", help="folder for metrics.csv and weights.safetensors (Neurona opens it as a run)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    training = dict(TRAINING, epochs=args.epochs, device=args.device)
    world = int(os.environ.get("WORLD_SIZE", "1"))  # torchrun sets these
    rank, local_rank = int(os.environ.get("RANK", "0")), int(os.environ.get("LOCAL_RANK", "0"))
    device = pick_device(args.device, local_rank)
    if world > 1:
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    x_train, y_train, x_test, y_test, num_classes = load_data(DATASET)
    torch.manual_seed(training["seed"])
    model = Model().to(device)
    initialise(model, training["init"], training["init_scale"])
    if WEIGHTS:
        from safetensors.torch import load_file

        model.load_state_dict(from_neurona_names(load_file(WEIGHTS)))
    x_train, y_train = torch.as_tensor(x_train, device=device), torch.as_tensor(y_train, device=device)
    x_test, y_test = torch.as_tensor(x_test, device=device), torch.as_tensor(y_test, device=device)
    trainable = [p for p in model.parameters() if p.requires_grad]
    penalised = [p for p in trainable if p.dim() >= 2]
    optimizer = make_optimizer(trainable or [torch.zeros(1, requires_grad=True)], training)
    sampler, batch_size = None, training["batch_size"]
    if world > 1:  # each process trains on its share of every batch; DDP averages their gradients
        sampler = DistributedSampler(range(len(x_train)), world, rank, shuffle=True, seed=training["seed"])
        batch_size = math.ceil(batch_size / world)
    steps_per_epoch = len(split(len(sampler) if sampler else len(x_train), batch_size))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule(training, steps_per_epoch))
    generator = torch.Generator().manual_seed(training["seed"])
    net = DistributedDataParallel(model) if world > 1 else model
    lbfgs = isinstance(optimizer, torch.optim.LBFGS)

    def batch_loss(x, y):
        """The loss of one batch and, when it is finite, its gradients (with the penalties, clipped)."""
        optimizer.zero_grad(set_to_none=True)
        loss = data_loss(net(x), y, num_classes)
        if math.isfinite(loss.item()):
            total = loss
            if training["l1"]:
                total = total + training["l1"] * sum(p.abs().sum() for p in penalised)
            if training["l2"]:
                total = total + training["l2"] * sum(p.pow(2).sum() for p in penalised)
            total.backward()
            if training["clip_norm"] > 0:
                nn.utils.clip_grad_norm_(trainable, training["clip_norm"])
        return loss

    say = print if rank == 0 else (lambda *a, **k: None)
    say(f"{TITLE}: {DATASET_NAME}, {len(x_train)} train / {len(x_test)} test")
    say(
        f"{training['optimizer']}, lr {training['lr']:g}, batch {training['batch_size']}, "
        f"{training['epochs']} epochs on {device}" + (f", {world} processes" if world > 1 else "")
    )
    records, step, status, width = [], 0, 0, len(str(training["epochs"]))
    for epoch in range(1, training["epochs"] + 1):
        started = time.perf_counter()
        for index in epoch_batches(len(x_train), batch_size, generator, sampler, epoch):
            index = index.to(device)
            x, y = x_train[index], y_train[index]
            net.train()
            if lbfgs:  # L-BFGS evaluates the loss itself; the first evaluation is the step's loss
                losses = []
                optimizer.step(lambda: losses.append(batch_loss(x, y)) or losses[-1])
                loss = losses[0].item()
            else:
                loss = batch_loss(x, y).item()
                if math.isfinite(loss):
                    optimizer.step()
            step += 1
            if not math.isfinite(loss):
                say(f"error: the loss became {'NaN' if math.isnan(loss) else 'infinite'} at step {step}")
                status = 1
                break
            if training["schedule"] != "constant" or training.get("warmup_epochs", 0):
                scheduler.step()
        if status:
            break
        train_loss, train_acc = evaluate(model, x_train, y_train, num_classes)
        test_loss, test_acc = evaluate(model, x_test, y_test, num_classes)
        lr = optimizer.param_groups[0]["lr"]
        seconds = time.perf_counter() - started
        records.append(dict(epoch=epoch, step=step, train_loss=train_loss, train_acc=train_acc,
                            test_loss=test_loss, test_acc=test_acc, lr=lr, seconds=seconds))

        def acc(a):
            return f" acc {a * 100:5.1f}%" if a is not None else ""

        say(
            f"epoch {epoch:>{width}}/{training['epochs']}  train loss {train_loss:.4f}{acc(train_acc)}  "
            f"test loss {test_loss:.4f}{acc(test_acc)}  lr {lr:.3g}  {seconds:.2f}s",
            flush=True,
        )
    if args.out and rank == 0:
        save_run(args.out, model, records, training)
        say(f"run saved to {args.out}")
    if world > 1:
        dist.barrier()  # every process leaves together, after rank 0 has saved
        dist.destroy_process_group()
    return status


def save_run(folder, model, records, training):
    """metrics.csv, weights.safetensors and project.json: a folder Neurona opens as a run."""
    from safetensors.torch import save_file

    os.makedirs(folder, exist_ok=True)
    fields = ["epoch", "step", "train_loss", "train_acc", "test_loss", "test_acc", "lr", "seconds"]
    with open(os.path.join(folder, "metrics.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: "" if v is None else v for k, v in record.items()})
    weights = {k: v.detach().cpu().contiguous() for k, v in to_neurona_names(model.state_dict()).items()}
    save_file(weights, os.path.join(folder, "weights.safetensors"))
    project = dict(PROJECT, training=dict(training, epochs=max(1, training["epochs"]), device=TRAINING["device"]))
    with open(os.path.join(folder, "project.json"), "w", encoding="utf-8") as f:
        json.dump(project, f, indent=2, ensure_ascii=False)


def to_neurona_names(state):
    """Neurona keeps its layers in a dict named `layers`; a few names get a trailing _ there."""
    return {f"layers.{NEURONA_NAMES.get(k.split('.')[0], k.split('.')[0])}.{k.split('.', 1)[1]}": v
            for k, v in state.items()}


def from_neurona_names(state):
    ours = {v: k for k, v in NEURONA_NAMES.items()}
    return {f"{ours.get(k.split('.')[1], k.split('.')[1])}.{k.split('.', 2)[2]}": v for k, v in state.items()}

'''
