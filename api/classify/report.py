"""The evaluation as text: the table `upr classify evaluate` and `make bench` print."""

from api.classify.evaluation import FAMILY_TITLES, Evaluation, LabelResult, Scores, Summary


def _figures(scores: Scores | None) -> str:
    if scores is None:
        return f"{'–':>5} {'–':>5} {'–':>5}"
    return f"{scores.precision:5.2f} {scores.recall:5.2f} {scores.f1:5.2f}"


def _verdict(result: LabelResult, target: float) -> str:
    if not result.kept:
        return f"not stored: {result.reason}"
    if result.clears(target):
        return "stored; clears the target on the test reviews"
    precision = result.at_threshold.precision if result.at_threshold else 0.0
    return f"stored; below the target on the test reviews ({precision:.3f})"


def _summary(name: str, summary: Summary) -> str:
    micro = summary.micro
    return (
        f"  {name:<34} {summary.labels:>3} labels  micro P {micro.precision:.3f} R {micro.recall:.3f} "
        f"F1 {micro.f1:.3f}   macro P {summary.macro_precision:.3f} R {summary.macro_recall:.3f} "
        f"F1 {summary.macro_f1:.3f}"
    )


def format_evaluation(evaluation: Evaluation) -> str:
    """Per family: each label's P/R/F1 at its threshold and at 0.5 with its support, then micro and macro
    figures, then which labels clear the target on the test reviews and which are not stored."""
    target = evaluation.params.target_precision
    train_reviews, test_reviews = evaluation.reviews
    lines = [
        f"Classifier evaluation (seed {evaluation.seed}, model {evaluation.model_version}): trained on "
        f"{train_reviews} reviews in {evaluation.train_seconds:.1f} s, tested on {test_reviews} held-out reviews.",
        f"Thresholds: chosen on a validation {evaluation.params.validation_share:.0%} of the training reviews so that "
        + (
            f"the Wilson lower bound (z {evaluation.params.wilson_z}) of the precision reaches {target:.2f}."
            if evaluation.params.wilson_z
            else f"the precision reaches {target:.2f}."
        ),
    ]
    for family, title in FAMILY_TITLES.items():
        results = evaluation.family(family)
        if not results:
            continue
        train_count, test_count = evaluation.examples[family]
        width = max([10, *(len(r.code) for r in results if r.kept)])
        lines += [
            "",
            f"{title}: {train_count} training examples, {test_count} test examples",
            f"  {'label':<{width}} {'name':<38} {'train':>6} {'supp':>5} {'thr':>5}  "
            f"{'P':>5} {'R':>5} {'F1':>5} | {'P@.5':>5} {'R@.5':>5} {'F1@.5':>5}  decision",
        ]
        for r in sorted(results, key=lambda r: (not r.kept, r.code)):
            threshold = f"{r.threshold:5.3f}" if r.threshold is not None else f"{'–':>5}"
            lines.append(
                f"  {r.code:<{width}} {r.name[:38]:<38} {r.train_examples:>6} {r.support:>5} {threshold}  "
                f"{_figures(r.at_threshold)} | {_figures(r.at_half)}  {_verdict(r, target)}"
            )
        lines.append(_summary("stored labels at their thresholds", evaluation.stored[family]))
        lines.append(_summary("every learnt label at 0.5", evaluation.plain[family]))
        lines.append(
            f"  the stored labels find {evaluation.recovered[family]:.1%} of the test examples' tags of this family"
        )
        clear = [r.code for r in results if r.kept and r.clears(target)]
        below = [r.code for r in results if r.kept and not r.clears(target)]
        lines.append(f"  clear {target:.2f} on the test reviews ({len(clear)}): {', '.join(clear) or '–'}")
        lines.append(f"  stored but below {target:.2f} on the test reviews ({len(below)}): {', '.join(below) or '–'}")
    return "\n".join(lines)
