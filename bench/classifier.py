"""The classifier's evaluation in `make bench`: after the speed figures, the table `upr classify evaluate`
prints (precision, recall and F1 per label on held-out reviews, micro and macro, the thresholds and which
labels are stored), on the same data folder, with the training time on this machine.

`python -m bench` runs `main` here: the benchmark of `bench.run`, then the evaluation. The evaluation is
a quality figure, not a speed goal, so it is printed, not judged; it trains for about half a minute."""

import argparse
import sys
import time
from pathlib import Path

from bench import dataset, run


def print_evaluation(data_dir: Path) -> None:
    from api.classify.evaluation import evaluate
    from api.classify.examples import load_examples
    from api.classify.report import format_evaluation

    started = time.perf_counter()
    run.say(f"classifier: evaluating on the labelled recommendations of {data_dir}")
    try:
        examples = load_examples(data_dir)
    except FileNotFoundError as error:
        run.say(f"classifier: skipped ({error})")
        return
    text = format_evaluation(evaluate(examples, seed=0))
    print()
    print(text)
    run.say(f"classifier: done in {time.perf_counter() - started:.1f} s (reading the files included)")


def main(argv: list[str] | None = None) -> int:
    status = run.main(argv)
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir", type=Path, default=dataset.default_data_dir())
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    print_evaluation(args.data_dir)
    return status
