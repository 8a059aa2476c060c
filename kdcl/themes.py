"""Themes: group free-text weaknesses (or measures) of many schools that say the same thing.

Pure functions (numpy/pandas, no I/O), deterministic and explainable:

1. Clean: NFC, drop HTML tags and [bracketed] artefacts, collapse white space.
2. Terms: a Vietnamese word is one or more syllables separated by spaces, so a text becomes
   its syllables (unigrams) and pairs of adjacent syllables (bigrams, e.g. "sĩ số",
   "phòng học"). Matching is accent- and case-insensitive (syllables are folded: accents
   removed, đ -> d); stop words (function words and plan boilerplate) are dropped, and
   numbers and punctuation break bigrams.
3. Weights: TF-IDF over the distinct texts given (sublinear tf, smoothed idf), each text's
   vector L2-normalised, so the cosine similarity of two texts is a dot product.
4. Grouping: two texts are linked when their cosine similarity is at least `threshold`;
   a theme is a connected group of linked texts (single-link agglomerative clustering cut
   at a fixed threshold - the same input always gives the same themes).
5. Label: the bigram(s) most distinctive of the theme (share of its texts containing the
   term x idf), shown in their most common accented spelling; examples are the texts
   closest to the theme's centre.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kdcl.text import fold, strip_marks

THRESHOLD = 0.3  # cosine similarity that links two texts into one theme
UNIGRAM_WEIGHT = 0.5  # a lone syllable ("số", "lớp") says less than a pair ("sĩ số")
MAX_TEXTS = 2000  # distinct texts grouped at most (the most frequent ones); bounds time and memory
MAX_EXAMPLES = 3

# Function words and plan boilerplate, in their accented spelling (a folded list would also
# drop content syllables: "có" and "cơ" both fold to "co"). Texts typed without any accents
# use UNACCENTED_STOP_WORDS below.
STOP_WORDS = frozenset(
    """
    à ạ ai bằng bị bởi cả các cái cần chỉ cho chưa chứ có còn của cùng cũng đã đang đây để đến
    đều do đó đôi được gì hay hoặc hơn khá khi không là lại lên lúc mà mỗi mọi một này nào nên
    nếu ngay nhất nhiều như nhưng những nơi nữa ở qua quá ra rằng rất rồi sau sẽ so sự tại thì
    thật thêm theo thường trên trong từ từng và vài vào vẫn về việc vì với vừa xong
    trường tiêu chí mức tt bgdđt
    """.split()
)
# two-syllable boilerplate dropped as a unit (each syllable alone may carry meaning)
STOP_PHRASES = frozenset(
    {
        "nhà trường", "hạn chế", "thực hiện", "năm học", "chưa thực", "thực sự", "tuy nhiên", "bên cạnh",
        "cụ thể", "kịp thời", "đôi khi", "đôi lúc", "một số", "một vài", "hằng năm", "hàng năm",
        "giáo dục", "hoạt động", "chất lượng", "quy định", "thông tư", "điều lệ", "công văn",
    }
)

_TAG = re.compile(r"<[^>]*>|\[[^\]]*\]")
_SPACE = re.compile(r"\s+")
# segments: runs of letters, digits and spaces; any other character ends a bigram run
_SEGMENT = re.compile(r"[^\W_]+(?:[ \t]+[^\W_]+)*")


def clean(text: object) -> str:
    """Display form: NFC, without HTML tags or [bracketed] artefacts, single spaces."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    text = unicodedata.normalize("NFC", str(text))
    return _SPACE.sub(" ", _TAG.sub(" ", text)).strip()


# for texts typed without accents: only stop words whose folded form is not also a common
# content syllable ("so" could be "số", "do" "độ", "ve" "vệ", "qua" "quả", "tai" "tài" ...)
UNACCENTED_STOP_WORDS = frozenset(
    "va cua cac nhung la duoc trong voi chua khong mot vai nay cung rat nhieu da dang se con o".split()
)
_FOLDED_STOP_PHRASES = frozenset(fold(p) for p in STOP_PHRASES)


def _has_accents(text: str) -> bool:
    return strip_marks(text) != text


def syllable_runs(text: object) -> list[list[tuple[str, str]]]:
    """Content syllables of a text as runs of adjacent ones: [[(folded, display), ...], ...].
    A run breaks at punctuation, numbers, stop words and stop phrases."""
    cleaned = clean(text).lower()
    accented = _has_accents(cleaned)
    stop_words = STOP_WORDS if accented else UNACCENTED_STOP_WORDS
    stop_phrases = STOP_PHRASES if accented else _FOLDED_STOP_PHRASES
    runs: list[list[tuple[str, str]]] = []
    for segment in _SEGMENT.findall(cleaned):
        words = segment.split()
        current: list[tuple[str, str]] = []
        i = 0
        while i < len(words):
            word = words[i]
            if i + 1 < len(words) and f"{word} {words[i + 1]}" in stop_phrases:
                i += 2
                runs.append(current)
                current = []
                continue
            i += 1
            if word in stop_words or any(ch.isdigit() for ch in word):
                runs.append(current)
                current = []
                continue
            current.append((fold(word), word))
        runs.append(current)
    return [run for run in runs if run]


def terms(text: object) -> Counter[str]:
    """Folded unigrams and bigrams of a text with their counts ("si", "so", "si so", ...)."""
    counts: Counter[str] = Counter()
    for run in syllable_runs(text):
        folded = [f for f, _ in run]
        counts.update(folded)
        counts.update(f"{a} {b}" for a, b in zip(folded, folded[1:]))
    return counts


@dataclass(frozen=True)
class Vectors:
    matrix: np.ndarray  # distinct texts x shared terms, rows L2-normalised over all their terms
    vocabulary: list[str]  # the shared terms (in at least two texts), column order
    idf: dict[str, float]  # every term
    term_sets: list[frozenset[str]]


def tfidf(texts: list[str]) -> Vectors:
    """TF-IDF vectors of texts: tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1.
    Only terms found in two or more texts can make texts similar, so only those are kept
    as columns; the norm still counts every term of the text."""
    counts = [terms(t) for t in texts]
    n = len(texts)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {term: math.log((1 + n) / (1 + k)) + 1 for term, k in df.items()}
    vocabulary = sorted(term for term, k in df.items() if k >= 2)
    column = {term: j for j, term in enumerate(vocabulary)}
    matrix = np.zeros((n, len(vocabulary)), dtype=np.float32)
    for i, c in enumerate(counts):
        weights = {
            term: (1 + math.log(k)) * idf[term] * (1.0 if " " in term else UNIGRAM_WEIGHT) for term, k in c.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for term, w in weights.items():
            j = column.get(term)
            if j is not None:
                matrix[i, j] = w / norm
    return Vectors(matrix, vocabulary, idf, [frozenset(c) for c in counts])


def similarity(a: object, b: object) -> float:
    """Cosine similarity of two texts weighted against each other only (for explanations and tests)."""
    vectors = tfidf([clean(a), clean(b)])
    return float(vectors.matrix[0] @ vectors.matrix[1])


def link_groups(matrix: np.ndarray, threshold: float = THRESHOLD, block: int = 512) -> np.ndarray:
    """Group number per row: rows linked (directly or through others) by a cosine similarity
    >= threshold share a group. Groups are numbered by their first row."""
    n = matrix.shape[0]
    labels = np.arange(n)
    if n == 0 or matrix.shape[1] == 0:
        return labels
    rows, cols = [], []
    for start in range(0, n, block):
        sims = matrix[start : start + block] @ matrix.T
        i, j = np.nonzero(sims >= threshold - 1e-6)
        keep = start + i < j
        rows.append(start + i[keep])
        cols.append(j[keep])
    src, dst = np.concatenate(rows), np.concatenate(cols)
    while True:  # min-label propagation with pointer jumping: the connected components
        new = labels.copy()
        np.minimum.at(new, src, labels[dst])
        np.minimum.at(new, dst, labels[src])
        new = new[new]
        if np.array_equal(new, labels):
            return labels
        labels = new


MAX_LABEL_SYLLABLES = 7  # a longer shared phrase would be cut at an arbitrary syllable: keep the bigram then


def _expand(term: str, runs: list[list[list[tuple[str, str]]]]) -> str:
    """Widen a bigram to the longest phrase around it that every text containing it shares
    ("dục phổ" -> "giáo dục phổ thông", "khu vệ" -> "khu vệ sinh"), in its accented spelling.
    A run of text is cut at punctuation and stop words, so shared phrases are short; one
    longer than MAX_LABEL_SYLLABLES is not cut (that could split a word): the bigram stays."""
    words = term.split()
    spans = []  # per text: (run, start) of its first occurrence
    for text_runs in runs:
        for run in text_runs:
            folded = [f for f, _ in run]
            hit = next((k for k in range(len(folded) - len(words) + 1) if folded[k : k + len(words)] == words), None)
            if hit is not None:
                spans.append((run, hit))
                break
    if len(spans) < 2:  # one text: nothing to agree on, keep the bigram
        return " ".join(d for _, d in spans[0][0][spans[0][1] : spans[0][1] + len(words)]) if spans else term
    start, end = 0, len(words)  # offsets relative to each occurrence
    while end - start <= MAX_LABEL_SYLLABLES:
        grown = False
        for side in (-1, 1):
            neighbours = set()
            for run, k in spans:
                pos = k + start - 1 if side < 0 else k + end
                neighbours.add(run[pos][0] if 0 <= pos < len(run) else None)
            if len(neighbours) == 1 and None not in neighbours:
                start, end = (start - 1, end) if side < 0 else (start, end + 1)
                grown = True
        if not grown:
            break
    if end - start > MAX_LABEL_SYLLABLES:
        start, end = 0, len(words)
    spellings = Counter(" ".join(d for _, d in run[k + start : k + end]) for run, k in spans)
    return min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _label(members: list[int], vectors: Vectors, runs: list[list[list[tuple[str, str]]]]) -> tuple[str, list[str]]:
    """The most distinctive bigrams of a group: share of its texts containing the term x idf
    (unigrams weigh UNIGRAM_WEIGHT, so a phrase wins over a lone syllable); at most two, not sharing a
    syllable, each widened to the phrase its texts share."""
    size = len(members)
    coverage: Counter[str] = Counter()
    for i in members:
        coverage.update(vectors.term_sets[i])
    scored = [
        ((k / size) * vectors.idf[term] * (1.0 if " " in term else UNIGRAM_WEIGHT), term)
        for term, k in coverage.items()
    ]
    scored.sort(key=lambda st: (-round(st[0], 9), " " not in st[1], st[1]))
    chosen: list[str] = []
    phrases: list[str] = []
    for score, term in scored:
        if chosen and (score < 0.6 * scored[0][0] or " " not in term):
            break
        phrase = _expand(term, [runs[i] for i in members if term in vectors.term_sets[i]])
        if any(set(fold(phrase).split()) & set(fold(p).split()) for p in phrases):
            continue  # overlaps the first label: "kiểm tra" and "kiểm tra đánh giá" say the same
        chosen.append(term)
        phrases.append(phrase)
        if len(chosen) == 2:
            break
    return ", ".join(phrases), chosen


THEME_COLUMNS = ["theme", "label", "schools", "items", "texts", "examples", "terms", "criteria"]


def _as_set(value: object) -> set[str]:
    """A school id / criterion code, or a list of them, as a set of strings."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return set()
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray, pd.Series)):
        return {str(v) for v in value if v is not None}
    return {str(value)}


def group_themes(
    rows: pd.DataFrame,
    text: str = "text",
    school: str = "school_id",
    criterion: str | None = "criterion_code",
    weight: str | None = None,
    threshold: float = THRESHOLD,
    max_texts: int = MAX_TEXTS,
    max_examples: int = MAX_EXAMPLES,
) -> tuple[pd.DataFrame, pd.Series]:
    """Group the texts of `rows` into themes. A row is one plan item, or one text with the
    number of items in the `weight` column; its `school` (and `criterion`) cell may hold one
    value or a list of them.

    Returns (themes, members). themes: one row per theme - theme (1 = most schools), label,
    schools (distinct), items, texts (distinct), examples (up to `max_examples` texts, the
    closest to the theme's centre first), terms (folded label bigrams), criteria (sorted
    codes). members: the theme of each input row (<NA> for empty texts and texts beyond the
    `max_texts` most frequent). Texts equal up to accents, case and spacing are one text."""
    members = pd.Series(pd.NA, index=rows.index, dtype="Int64", name="theme")
    weights = rows[weight] if weight else pd.Series(1, index=rows.index)
    schools = rows[school] if school in rows else pd.Series(None, index=rows.index)
    codes = rows[criterion] if criterion and criterion in rows else pd.Series(None, index=rows.index)
    entries: dict[str, dict] = {}
    row_keys: dict[object, str] = {}
    for index, value, n, sch, crit in zip(rows.index, rows[text], weights, schools, codes):
        display = clean(value)
        key = fold(display)
        if not key:
            continue
        row_keys[index] = key
        entry = entries.setdefault(key, {"items": 0, "schools": set(), "criteria": set(), "spellings": Counter()})
        entry["items"] += int(n)
        entry["schools"] |= _as_set(sch)
        entry["criteria"] |= _as_set(crit)
        entry["spellings"][display] += int(n)
    if not entries:
        return pd.DataFrame(columns=THEME_COLUMNS), members

    # distinct texts, most frequent first (ties by key): the order never depends on the input order
    keys = sorted(entries, key=lambda k: (-entries[k]["items"], k))[:max_texts]
    texts = [_most_common(entries[k]["spellings"]) for k in keys]
    vectors = tfidf(texts)
    groups = link_groups(vectors.matrix, threshold)
    runs = [syllable_runs(t) for t in texts]

    by_group: dict[int, list[int]] = {}
    for i, group in enumerate(groups.tolist()):
        by_group.setdefault(group, []).append(i)
    found = []
    for group, idx in by_group.items():
        if len(idx) > 1:
            label, chosen = _label(idx, vectors, runs)
        else:  # one distinct text (maybe written by many schools): it names itself
            label, chosen = shorten(texts[idx[0]]), []
        centre = vectors.matrix[idx].mean(axis=0)
        closeness = vectors.matrix[idx] @ centre
        order = sorted(
            range(len(idx)),
            key=lambda k: (-round(float(closeness[k]), 6), -entries[keys[idx[k]]]["items"], len(texts[idx[k]]),
                           texts[idx[k]]),
        )
        in_group = [entries[keys[i]] for i in idx]
        found.append(
            {
                "group": int(group),
                "label": label or shorten(texts[idx[0]]),
                "schools": len(set().union(*(e["schools"] for e in in_group))),
                "items": sum(e["items"] for e in in_group),
                "texts": len(idx),
                "examples": [texts[idx[k]] for k in order[:max_examples]],
                "terms": chosen,
                "criteria": sorted(set().union(*(e["criteria"] for e in in_group)), key=_code_key),
            }
        )
    themes = pd.DataFrame(found).sort_values(["schools", "items", "label"], ascending=[False, False, True])
    themes.insert(0, "theme", range(1, len(themes) + 1))
    number = dict(zip(themes["group"], themes["theme"]))
    key_theme = {k: number[int(g)] for k, g in zip(keys, groups)}
    for index, key in row_keys.items():
        if key in key_theme:
            members[index] = key_theme[key]
    return themes.drop(columns="group").reset_index(drop=True)[THEME_COLUMNS], members


def _most_common(counts: Counter[str]) -> str:
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def shorten(text: str, words: int = 8) -> str:
    """The first `words` words of a text, with an ellipsis when cut."""
    parts = clean(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _code_key(code: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in code.split("."))
