from bench.classifier import main  # the benchmark (bench.run), then the classifier evaluation

raise SystemExit(main())
