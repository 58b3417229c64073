"""text2ssyk: the occupation group (ssyk-level-4) of an ad, with probabilities.

A log-linear combination of evidence per group, turned into probabilities with a softmax:
1. the headline's titles (`title_index`): log P(headline titles | group), from the share of a
   group's occupation names that the headline's words name or close ("säljare", "lärare",
   "Data Engineer" → "dataingenjör"); a headline with no title the index knows
   ("Tvätteriarbetare sökes") is compared on its own with the groups' texts (as in 3.);
2. the prior: log P(group) from how many ads each group had in 2024 (`group_prior`);
3. a linear text model: TF-IDF (character 3–5-grams inside words, which copes with Swedish
   compounds) cosine to each group's centroid over the non-ad training texts (`ssyk_training`);
4. the matcher's occupation names in the headline and body, and skills (each skill votes for
   the groups it is related to);
5. labelled ads (`ad_memory`): the groups of the most similar ads already seen, by the same
   character n-gram vectors, at half weight when the headline names an occupation; evaluation
   hides an ad and its employer's other ads from it. The memory holds the real labelled ads
   and the project's own written ads (`written_ads`, each set hidden from its own evaluation).
The weights (the `*_WEIGHT` constants) and the temperature were chosen on a small grid by
5-fold cross-validation on the 133 real dev ads (the memory's weight and neighbour count by
leave-employer-out; see docs/benchmarks.md): seven numbers, no per-ad or per-group parameter.
Built at run time from the taxonomy, education and market files in a few seconds; in memory.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from jobbnav.enrich.ad_memory import AdMemory, EnrichSettings, read_labelled_ads
from jobbnav.enrich.char_ngrams import CentroidScorer
from jobbnav.enrich.group_prior import GroupPrior, load_group_prior
from jobbnav.enrich.model import OccupationGroupGuess
from jobbnav.enrich.ssyk_training import group_of_occupation, training_documents
from jobbnav.enrich.title_index import TitleEvidence, TitleIndex
from jobbnav.enrich.tokenize import prepare_text
from jobbnav.enrich.written_ads import read_written_ads
from jobbnav.taxonomy.index import TaxonomyIndex

__all__ = ["GroupEvidence", "OccupationGroupModel", "build_group_model"]

HEADLINE_WEIGHT = 9.0
BODY_OCCUPATION_WEIGHT = 1.8
# on top of the body weight, for an occupation the text names as the job on offer; a grid of
# 0/2/4/6/9 gave 2 (more lets "Vi söker en regionchef" outvote a sales ad's own group)
ROLE_WEIGHT = 2.0
SKILL_WEIGHT = 0.75
TEXT_WEIGHT = 30.0
UNKNOWN_TITLE_WEIGHT = 20.0  # the headline alone, when it has no title the index knows
TITLE_WEIGHT = 0.5
PRIOR_WEIGHT = 1.0
MEMORY_WEIGHT = 16.0  # on cosine above ad_memory.MIN_SIMILARITY
# a headline that names an occupation outweighs ads from other employers that read alike
# ("Eventsäljare" voted into Företagssäljare by three sales ads); 0.5 of 0/0.25/0.5/0.75/1
MEMORY_WITH_TITLE = 0.5
GROUP_TITLE_CONFIDENCE = 0.85  # as a label stripped of its qualifier in the lexicon
TITLE_FLOOR = 1e-3  # a group none of the headline's titles names is unlikely, not impossible
# the held-out log-loss optimum, on the dev ads (unseen employer) and on the written sets (own
# ads hidden) alike (twenty-first session: 2.5 → 2.1 once the written ads joined the memory)
TEMPERATURE = 2.1
MAX_TEXT_CHARS = 1_500  # the opening of an ad says what the job is; bounds the cost
# English function words: the training texts are Swedish, so their n-grams are rare there and
# weigh heavily, and any two English ads share them. Left in, an English ad is "similar" to
# every English ad in the memory whatever the job ("Customer Service Agent" voted like the
# English engineering ads).
ENGLISH_FUNCTION_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "without", "as", "is", "are", "was", "were", "be", "been", "being", "will",
    "would", "can", "could", "should", "may", "might", "must", "shall", "do", "does", "did",
    "have", "has", "had", "you", "your", "yours", "we", "our", "ours", "us", "they", "their",
    "them", "he", "she", "his", "her", "it", "its", "this", "that", "these", "those", "who",
    "whom", "whose", "which", "what", "when", "where", "why", "how", "all", "any", "some",
    "more", "most", "other", "such", "no", "not", "only", "own", "same", "so", "than", "too",
    "very", "just", "also", "into", "about", "over", "under", "after", "before", "between",
    "through", "during", "up", "down", "out", "off", "again", "further", "then", "once",
    "here", "there", "both", "each", "few", "i", "me", "my", "am",
))


@dataclass(frozen=True, slots=True)
class GroupEvidence:
    """What the matcher found, reduced to concept ids and confidences."""

    headline_occupations: tuple[tuple[str, float], ...] = ()
    headline_terms: tuple[str, ...] = ()  # the folded term of each headline occupation
    body_occupations: tuple[tuple[str, float], ...] = ()
    # named in the text as the job on offer: "Vi söker en X", "arbeta som X", "Som X …"
    role_occupations: tuple[tuple[str, float], ...] = ()
    # titles too ambiguous to be hits, each as its candidate occupations: "undersköterska"
    undecided_occupations: tuple[tuple[str, ...], ...] = ()
    skills: tuple[str, ...] = ()


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                           min_df=2, max_features=300_000, lowercase=True, dtype=np.float32)


class OccupationGroupModel:
    def __init__(self, index: TaxonomyIndex, groups_of: dict[str, frozenset[str]],
                 shared_data_dir: Path | None) -> None:
        started = time.perf_counter()
        education_dir = shared_data_dir / "education" if shared_data_dir is not None else None
        docs = training_documents(index, education_dir)
        self.group_ids: list[str] = sorted({gid for gid, _ in docs})
        self._row = {gid: i for i, gid in enumerate(self.group_ids)}
        self._labels = {gid: index.concepts[gid].preferred_label for gid in self.group_ids}
        self._codes = {gid: index.concepts[gid].codes.get("ssyk-code-2012")
                       for gid in self.group_ids}
        self.vectorizer = _vectorizer()
        matrix = self.vectorizer.fit_transform([text for _, text in docs])
        owner = sparse.csr_matrix(
            (np.ones(len(docs), dtype=np.float32),
             ([self._row[gid] for gid, _ in docs], np.arange(len(docs)))),
            shape=(len(self.group_ids), len(docs)))
        self.centroids: sparse.csr_matrix = normalize(owner @ matrix)
        self.scorer = CentroidScorer(self.vectorizer, self.centroids, ENGLISH_FUNCTION_WORDS)
        self.groups_of = groups_of
        self.training_docs = len(docs)
        self.titles = TitleIndex(index, group_of_occupation(index))
        self.prior: GroupPrior = load_group_prior(self.group_ids, shared_data_dir)
        self._log_prior = np.array([self.prior.log[g] for g in self.group_ids])
        written = EnrichSettings().written_ads
        group_of_code = {code: gid for gid, code in self._codes.items() if code}
        self.memory = AdMemory(
            self.scorer, self._row,
            read_labelled_ads(shared_data_dir, self._row)
            + read_written_ads(Path(written) if written else None, group_of_code),
            lambda headline, text: self._scored_text(headline, prepare_text(text)))
        self.build_seconds = time.perf_counter() - started

    @staticmethod
    def _scored_text(headline: str, text: str) -> str:
        return f"{headline} {headline} {headline} {text[:MAX_TEXT_CHARS]}"

    def text_similarity(self, headline: str, text: str) -> NDArray[np.float64]:
        return self.scorer.cosines(self._scored_text(headline, text))

    def title_log_likelihood(self, headline: str) -> NDArray[np.float64]:
        return self._title_evidence(headline)[0]

    def _title_evidence(self, headline: str) -> tuple[NDArray[np.float64], TitleEvidence]:
        """log P(headline titles | group), and what the title index found."""
        found = self.titles.likelihood(headline)
        likelihood = np.zeros(len(self.group_ids))
        for gid, value in found.likelihood.items():
            row = self._row.get(gid)
            if row is not None:
                likelihood[row] = value
        return np.log(likelihood + TITLE_FLOOR), found

    def evidence(self, headline: str, text: str, found: GroupEvidence,
                 exclude: Collection[str] = ()) -> NDArray[np.float64]:
        """Log-linear scores per group; `exclude`: labelled ads the memory must not use."""
        ids, weights = self.scorer.vector(self._scored_text(headline, text))
        scores = TEXT_WEIGHT * self.scorer.cosines_of(ids, weights)
        title_log_likelihood, titles = self._title_evidence(headline)
        memory_weight = MEMORY_WEIGHT
        if found.headline_occupations or titles.named_groups:
            memory_weight *= MEMORY_WITH_TITLE
        scores += memory_weight * self.memory.votes(ids, weights, exclude)
        scores += TITLE_WEIGHT * title_log_likelihood
        headline_occupations = found.headline_occupations
        if titles.unit_words and found.headline_terms:
            # "Assistent till vår ekonomiavdelning" is an "ekonomiassistent": the bare title
            # word names no occupation of its own there
            headline_occupations = tuple(
                occupation for occupation, term in zip(
                    found.headline_occupations, found.headline_terms, strict=True)
                if term not in titles.unit_words)
        if headline.strip() and not titles.likelihood and not headline_occupations:
            # "Tvätteriarbetare med packansvar", "Blästring av gjutgods": a title no name or
            # term has still says more about the job than the body, whose n-grams outweigh it
            scores += UNKNOWN_TITLE_WEIGHT * self.scorer.cosines(headline)
        scores += PRIOR_WEIGHT * self._log_prior
        self._add(scores, headline_occupations, HEADLINE_WEIGHT)
        if not headline_occupations:
            # a headline title the lexicon has no occupation name for ("Lastbilschaufför",
            # "Ortoped") counts as a name of its one group
            self._add(scores, ((gid, GROUP_TITLE_CONFIDENCE) for gid in titles.named_groups),
                      HEADLINE_WEIGHT)
        self._add(scores, found.body_occupations, BODY_OCCUPATION_WEIGHT)
        self._add(scores, found.role_occupations, ROLE_WEIGHT)
        for candidates in found.undecided_occupations:  # a body mention, shared by its senses
            self._add(scores, ((cid, 1.0 / len(candidates)) for cid in candidates),
                      BODY_OCCUPATION_WEIGHT)
        skill_votes: dict[str, float] = {}
        for cid in set(found.skills):
            groups = self.groups_of.get(cid, frozenset())
            for gid in groups:
                skill_votes[gid] = skill_votes.get(gid, 0.0) + 1.0 / len(groups)
        for gid, vote in skill_votes.items():
            if gid in self._row:
                scores[self._row[gid]] += SKILL_WEIGHT * vote
        return scores

    def _add(self, scores: NDArray[np.float64], hits: Iterable[tuple[str, float]],
             weight: float) -> None:
        best: dict[str, float] = {}
        for cid, confidence in hits:
            best[cid] = max(best.get(cid, 0.0), confidence)
        for cid, confidence in best.items():
            groups = self.groups_of.get(cid, frozenset())
            for gid in groups:
                if gid in self._row:
                    scores[self._row[gid]] += weight * confidence / len(groups)

    def predict(self, headline: str, text: str, found: GroupEvidence, top: int = 5,
                exclude: Collection[str] = ()) -> list[OccupationGroupGuess]:
        scores = self.evidence(headline, text, found, exclude)
        if not scores.size or not (headline.strip() or text.strip()):
            return []
        logits = (scores - scores.max()) / TEMPERATURE
        probs = np.exp(logits)
        probs /= probs.sum()
        order = np.argsort(-probs, kind="stable")[:top]
        return [OccupationGroupGuess(self.group_ids[i], self._labels[self.group_ids[i]],
                                     self._codes[self.group_ids[i]],
                                     # 4 significant digits: small but never shown as 0
                                     float(f"{float(probs[i]):.4g}"))
                for i in order]


def build_group_model(index: TaxonomyIndex, groups_of: dict[str, frozenset[str]],
                      shared_data_dir: Path | None) -> OccupationGroupModel | None:
    """None when the taxonomy has no occupation groups (e.g. an empty database)."""
    if not index.by_type.get("ssyk-level-4"):
        return None
    return OccupationGroupModel(index, groups_of, shared_data_dir)
