"""Tags for what the sources left untagged: text classifiers trained on the labelled recommendations."""
