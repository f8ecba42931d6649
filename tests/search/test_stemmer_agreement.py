"""The builder's stemmer (snowballstemmer) and the browser's (npm's wink-porter2-stemmer, copied
into the site by the build) give the same stem for every word the samples' index holds, and for
every name in the data files: otherwise a word typed in the browser would miss its own postings.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from parley.search.stemmer import PACKAGE, stemmer_script
from parley.search.tokens import STEMMABLE, WORD, fold, stem

REPO = Path(__file__).resolve().parents[2]


def vocabulary() -> list[str]:
    """Every folded word of letters a-z in the sample transcripts and the data files."""
    texts = [p.read_text("utf-8") for p in sorted((REPO / "transcripts").glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((REPO / "data").glob("*.yaml"))]
    words = {w for text in texts for w in WORD.findall(fold(text)) if STEMMABLE.fullmatch(w)}
    return sorted(words)


def browser_stems(words: list[str]) -> list[str]:
    """The stems the site's stemmer script gives, run by Node as the browser would run it."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.fail("node is missing: run scripts/setup.sh (it installs nodejs)")
    script, problem = stemmer_script()
    assert problem is None, problem
    program = (
        "const window = {};\n" + str(script) + "\nconst words = JSON.parse(require('fs')"
        ".readFileSync(0, 'utf8'));\nprocess.stdout.write(JSON.stringify(words.map("
        "w => window.parleyStemmer(w))));\n"
    )
    done = subprocess.run(
        [node, "-e", program], input=json.dumps(words), capture_output=True, text=True, check=True
    )
    stems: list[str] = json.loads(done.stdout)
    return stems


def test_both_stemmers_agree_on_the_whole_vocabulary() -> None:
    words = vocabulary()
    assert len(words) > 2500
    browser = browser_stems(words)
    differ = [(w, stem(w), b) for w, b in zip(words, browser, strict=True) if stem(w) != b]
    assert not differ, f"{len(differ)} stem differently (word, Python, browser): {differ[:20]}"


def test_the_stemmer_is_snowball_english() -> None:
    words = ["countries", "negotiations", "agreed", "generously", "national", "news"]
    assert browser_stems(words) == ["countri", "negoti", "agre", "generous", "nation", "news"]


def test_a_missing_package_is_an_error_saying_how_to_install_it(tmp_path: Path) -> None:
    script, problem = stemmer_script(tmp_path / "wink-porter2-stemmer")
    assert script is None and problem is not None
    assert (problem.severity, problem.code) == ("error", "search-stemmer")
    assert problem.hint == "run scripts/setup.sh (it installs the npm package wink-porter2-stemmer)"
    assert PACKAGE.name == "wink-porter2-stemmer"
