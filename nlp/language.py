"""The cached spaCy pipeline: underthesea tokenizer + body entity ruler + role cues.

    analyze(text) -> Analysis      # plain data; spaCy's Doc never leaves nlp/

Pipeline (components registered by name):

* tokenizer ``kehoach.underthesea_tokenizer.v1`` (nlp/tokenizer.py),
* ``entity_ruler``: phrase patterns for every gazetteer name and alias of
  ``bodies.yaml`` (matched on LOWER), label = the body's kind, id = its canonical name,
* ``kehoach_bodies``: the productive patterns of nlp/bodies.py ("Phòng + name",
  collectives, officials, localities); longest span wins over the ruler's,
* ``kehoach_role_cues``: a PhraseMatcher of ``roles.yaml`` cues → ``doc.spans["role_cues"]``
  labelled LEAD / SUPPORT.
"""
from __future__ import annotations

from dataclasses import dataclass, field
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
    spans = list(doc.ents)
    for m in find_bodies(doc.text):
        span = doc.char_span(m.start, m.end, label=m.kind or "body", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    kept = filter_spans(spans)
    doc.ents = kept
    doc.spans["bodies"] = kept
    return doc


class RoleCues:
    def __init__(self, nlp: Language) -> None:
        roles = resources.load("roles")
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("LEAD", [nlp.make_doc(c) for c in roles["lead_cues"] + roles["prefixes"]["lead"]])
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


@lru_cache(maxsize=8)
def analyze(text: str) -> Analysis:
    """Tokens, bodies and role cues of ``text`` (offsets into it)."""
    doc = get_nlp()(text)
    known = {(m.start, m.end): m for m in find_bodies(text)}
    bodies = []
    for span in doc.spans["bodies"]:
        s, e = span.start_char, span.end_char
        m = known.get((s, e))
        if m is None:
            name = " ".join(text[s:e].split())
            m = BodyMention(s, e, name, span.ent_id_ or None, span.label_, level_of(name))
        bodies.append(m)
    return Analysis(tokens=[(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space],
                    bodies=bodies,
                    cues=[(s.start_char, s.end_char, s.label_) for s in doc.spans["role_cues"]])
