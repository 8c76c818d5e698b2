"""The cached spaCy pipeline: underthesea tokenizer + body entity ruler + role cues.

    analyze(text) -> Analysis      # plain data; spaCy's Doc never leaves nlp/
    analyze_regions(text, [(start, end), …]) -> [Analysis]   # only the parts that matter, batched

Pipeline (components registered by name):

* tokenizer ``kehoach.underthesea_tokenizer.v1`` (nlp/tokenizer.py),
* ``entity_ruler``: phrase patterns for every gazetteer name and alias of
  ``bodies.yaml`` (matched on LOWER), label = the body's kind, id = its canonical name,
* ``kehoach_bodies``: the productive patterns of nlp/bodies.py ("Phòng + name",
  collectives, officials, localities); longest span wins over the ruler's,
* ``kehoach_role_cues``: a PhraseMatcher of ``roles.yaml`` cues → ``doc.spans["role_cues"]``
  labelled LEAD / SUPPORT / LEAD_PREFIX ("giao", "phân công").
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from nlp import resources
from nlp.bodies import BodyMention, find_bodies, level_of
from nlp.tokenizer import UndertheseaTokenizer


@dataclass
class Analysis:
    tokens: list[tuple[int, int]] = field(default_factory=list)
    bodies: list[BodyMention] = field(default_factory=list)
    cues: list[tuple[int, int, str]] = field(default_factory=list)   # (start, end, "LEAD"/"SUPPORT")


def _ruler_patterns() -> list[dict]:
    data = resources.load("bodies")
    pats = []
    heads = {h["head"]: h for h in data["heads"]}
    for sec in data["sectors"]:
        for head in sec["at"]:
            name = f"{head} {sec['name']}"
            pats.append({"label": heads[head]["kind"], "pattern": name, "id": name})
    for b in data["bodies"]:
        for n in [b["name"], *(b.get("aliases") or [])]:
            pats.append({"label": b.get("kind") or "body", "pattern": n, "id": b["name"]})
    return pats


@Language.component("kehoach_bodies")
def bodies_component(doc: Doc) -> Doc:
    """The scanner's mentions, kept at their exact offsets (``doc.user_data["bodies"]``), plus
    the ruler's gazetteer names it did not cover.  A ruler name counts only when written with a
    capital, as in the scanner ("sở" alone is a noun)."""
    mentions = list(find_bodies(doc.text))
    spans = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=m.kind or "body")   # None when a token straddles it
        if span is not None:
            spans.append(span)
    covered = [(m.start, m.end) for m in mentions]
    for ent in doc.ents:
        if any(c.isupper() for c in ent.text) and \
                not any(s < ent.end_char and ent.start_char < e for s, e in covered):
            spans.append(ent)
            name = " ".join(ent.text.split())
            mentions.append(BodyMention(ent.start_char, ent.end_char, name, ent.ent_id_ or None, ent.label_,
                                        level_of(name)))
    kept = filter_spans(spans)
    doc.ents = kept
    doc.spans["bodies"] = kept
    doc.user_data["bodies"] = sorted(mentions, key=lambda m: m.start)
    return doc


class RoleCues:
    def __init__(self, nlp: Language) -> None:
        roles = resources.load("roles")
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("LEAD", [nlp.make_doc(c) for c in roles["lead_cues"]])
        self.matcher.add("LEAD_PREFIX", [nlp.make_doc(c) for c in roles["prefixes"]["lead"]])
        self.matcher.add("SUPPORT", [nlp.make_doc(c) for c in roles["support_cues"]])

    def __call__(self, doc: Doc) -> Doc:
        spans = [doc[s:e] for _, s, e in self.matcher(doc)]
        labelled = []
        for (mid, s, e) in self.matcher(doc):
            labelled.append(spacy.tokens.Span(doc, s, e, label=doc.vocab.strings[mid]))
        doc.spans["role_cues"] = filter_spans(labelled) if spans else []
        return doc


@Language.factory("kehoach_role_cues")
def make_role_cues(nlp: Language, name: str) -> RoleCues:
    return RoleCues(nlp)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(_ruler_patterns())
    nlp.add_pipe("kehoach_bodies")
    nlp.add_pipe("kehoach_role_cues")
    return nlp


def warm_up() -> None:
    """Load the pipeline and underthesea's model now, so that a server's first upload does not
    wait for them (several seconds)."""
    get_nlp()("Sở Nội vụ chủ trì, phối hợp với các sở, ngành.")


def _analysis(doc: Doc, offset: int = 0) -> Analysis:
    bodies = [replace(m, start=m.start + offset, end=m.end + offset) for m in doc.user_data["bodies"]]
    return Analysis(tokens=[(t.idx + offset, t.idx + len(t.text) + offset) for t in doc if not t.is_space],
                    bodies=bodies,
                    cues=[(s.start_char + offset, s.end_char + offset, s.label_) for s in doc.spans["role_cues"]])


@lru_cache(maxsize=8)
def analyze(text: str) -> Analysis:
    """Tokens, bodies and role cues of ``text`` (offsets into it)."""
    return _analysis(get_nlp()(text))


def analyze_regions(text: str, regions: list[tuple[int, int]]) -> list[Analysis]:
    """One analysis per ``text[start:end]`` region (offsets into ``text``), run as one batch
    so only the parts that matter go through the segmenter."""
    return list(_analyze_regions(text, tuple(regions)))


@lru_cache(maxsize=32)
def _analyze_regions(text: str, regions: tuple[tuple[int, int], ...]) -> tuple[Analysis, ...]:
    docs = get_nlp().pipe(text[s:e] for s, e in regions)
    return tuple(_analysis(doc, s) for doc, (s, _) in zip(docs, regions))
