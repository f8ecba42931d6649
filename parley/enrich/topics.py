"""Assign topics to a document from its entity mentions and topic terms; pure.

The rules live in ``data/topics.yaml`` (see its header): a paragraph scores the weights of the
distinct terms and entities of a topic found in it; a paragraph whose score reaches the topic's
``paragraph`` threshold earns the topic; a document whose earning paragraphs together reach the
``document`` threshold gets it. One passing word never makes a topic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from parley.model import Mention, TopicMatch
from parley.vocab.matcher import TermHit
from parley.vocab.vocabulary import Topic


def paragraph_scores(
    topics: Iterable[Topic], mentions: Iterable[Mention], terms: Iterable[TermHit]
) -> dict[str, dict[int, float]]:
    """Topic slug -> paragraph -> score; each distinct term or entity counts once a paragraph."""
    weights: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for topic in topics:
        for key, weight in topic.entities:
            weights[key].append((topic.slug, weight))
    evidence: dict[tuple[str, int, str], float] = {}
    for mention in mentions:
        for slug, weight in weights.get(mention.key, ()):
            evidence[(slug, mention.paragraph, mention.key)] = weight
    for hit in terms:
        evidence[(hit.topic, hit.paragraph, "term:" + hit.term)] = hit.weight
    scores: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for (slug, number, _), weight in evidence.items():
        scores[slug][number] += weight
    return scores


def assign_topics(
    topics: Iterable[Topic], mentions: Iterable[Mention], terms: Iterable[TermHit]
) -> tuple[TopicMatch, ...]:
    """The topics a document is about, strongest first, each with the paragraphs that earned it."""
    topics = tuple(topics)
    scores = paragraph_scores(topics, mentions, terms)
    matches: list[TopicMatch] = []
    for topic in topics:
        found = scores.get(topic.slug, {})
        earning = {n: s for n, s in found.items() if s >= topic.paragraph}
        total = sum(earning.values())
        if earning and total >= topic.document:
            ranked = sorted(earning, key=lambda n: (-earning[n], n))
            matches.append(TopicMatch(topic.slug, total, tuple(ranked)))
    matches.sort(key=lambda m: (-m.score, m.slug))
    return tuple(matches)
