"""Stage 0, vocabulary: the reviewed data files in ``data/`` and the matcher built from them.

In: the ``data/`` folder. Out: a :class:`~parley.vocab.vocabulary.Vocabulary` (countries, people,
organisations, topics, with their aliases compiled into one matcher) and the diagnostics about the
files. Modules: ``datafiles`` (load and check one YAML file), ``matcher`` (find terms in text, one
pass), ``layouts`` (publisher layouts of ``layouts.yaml``), ``vocabulary`` (the whole vocabulary).
"""

from parley.vocab.vocabulary import Vocabulary, load_vocabulary

__all__ = ["Vocabulary", "load_vocabulary"]
