"""Layer-wise pretraining as the run loop drives it: a few batches per turn, so commands (Cancel,
Stop) are read between them, and progress paced for the status bar.

It runs where the model lives (the training process or thread), on the session's own model, and
ends by sending the pretrained weights: the window starts them as a new model (a new
generation), so no view keeps showing the weights from before.
"""

from __future__ import annotations

import time
import traceback

from core.run.messages import Message, PretrainDone, PretrainFailed, PretrainProgress

TURN_SECONDS = 0.05  # batches per turn: at most this long between two looks at the commands
PROGRESS_RATE = 10.0  # progress messages a second at most (a stage's first and last always go)


class PretrainJob:
    def __init__(self, session, epochs: int, generation: int):
        self.session, self.epochs, self.generation = session, epochs, generation
        self.pretraining = None
        self.progress = None
        self.last = None  # the newest Progress, sent or not
        self.last_sent = 0.0
        self.ended = False

    def advance(self) -> list[Message]:
        """One turn: its messages; the last one is PretrainDone or PretrainFailed when it ended."""
        from core.train.pretrain import PretrainError, pretraining_of

        out: list[Message] = []
        try:
            if self.pretraining is None:
                self.pretraining = pretraining_of(self.session.trainer, self.epochs)
                self.progress = iter(self.pretraining)
            until = time.perf_counter() + TURN_SECONDS
            while time.perf_counter() < until:
                record = next(self.progress, None)
                if record is None:
                    out.append(self.finish(stopped=False))
                    return out
                self.last = record
                first, last = record.epoch == 0, record.epoch_end and record.epoch == record.epochs
                if first or last or time.perf_counter() - self.last_sent >= 1.0 / PROGRESS_RATE:
                    out.append(self._progress(record))
        except Exception as err:  # noqa: BLE001 - the user hears why; the model keeps what was done
            self.ended = True
            details = "" if isinstance(err, PretrainError) else traceback.format_exc()
            out.append(PretrainFailed(self.generation, str(err) or type(err).__name__, details))
        return out

    def finish(self, stopped: bool) -> PretrainDone:
        """The end, by itself or cancelled: the model keeps every stage's training so far."""
        from core.train.pretrain import after_pretraining

        self.ended = True
        trainer = self.session.trainer
        if self.progress is not None:
            self.progress.close()  # the generator puts the model back in training mode
        after_pretraining(trainer)
        job = self.pretraining
        weights = {k: v.detach().cpu().numpy().copy() for k, v in trainer.model.state_dict().items()}
        losses = tuple(job.losses) if job is not None else ()
        return PretrainDone(self.generation, stopped, job.done if job is not None else 0, losses, weights)

    def _progress(self, record) -> PretrainProgress:
        self.last_sent = time.perf_counter()
        return PretrainProgress(
            self.generation,
            record.stage,
            record.stages,
            record.layer,
            record.epoch,
            record.epochs,
            float(record.loss),
            float(record.start_loss),
        )
