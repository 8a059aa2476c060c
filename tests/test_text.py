"""The one matching key: kdcl.text.fold, its vectorised twin fold_many and the SQL macro fold()
(migration 0008) give the same result on random text, NFC and NFD, with odd spaces and dashes."""

from __future__ import annotations

import random
import unicodedata

import pytest

from kdcl.text import fold, fold_many

VIETNAMESE = (
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
    "bcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789"
)
ODD = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u202f", "\u3000", "\u200b", "\ufeff", "\u00ad",
       "-", "\u2013", "\u2014", "\u2212", ".", ",", ":", "(", ")", "/", "+", "·", "[", "]", "\v", "\x1f"]


def random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            parts.append("".join(rng.choice(VIETNAMESE) for _ in range(rng.randint(1, 7))))
            parts.append(rng.choice(ODD))
        text = "".join(parts)
        texts.append(unicodedata.normalize(rng.choice(["NFC", "NFD"]), text))
    return texts


def test_fold_examples():
    assert fold("Sĩ  SỐ") == "si so"
    assert fold("si         so") == "si so"
    assert fold("Trường THCS Lý Tự Trọng") == fold(unicodedata.normalize("NFD", "truong thcs ly tu trong"))
    assert fold("Phòng Văn hóa – Xã hội") == "phong van hoa - xa hoi"
    assert fold("ĐẠT\u00a0 Mức\u200b 2 ") == "dat muc 2"
    assert fold(None) == "" and fold(float("nan")) == "" and fold(12) == "12"
    assert fold("x" * 300 + " Đ") == "x" * 300 + " d"  # long texts take the uncached path


def test_python_sql_and_arrow_folds_agree_on_random_text(tiny_store):
    texts = random_texts(600, seed=20261203)
    arrow = fold_many(texts)
    with tiny_store.cursor() as cur:
        for text, vectorised in zip(texts, arrow):
            sql = cur.execute("select fold(?)", [text]).fetchone()[0]
            assert fold(text) == sql == vectorised, repr(text)
        assert cur.execute("select fold(null)").fetchone()[0] == ""


@pytest.mark.parametrize("query,text", [("si so", "Sĩ         số"), ("ngo quyen", "Trường Ngô Quyền"),
                                        ("van hoa - xa hoi", "Phòng Văn hóa – Xã hội")])
def test_the_folds_find_across_spacing_and_dashes(tiny_store, query, text):
    with tiny_store.cursor() as cur:
        assert cur.execute("select contains(fold(?), fold(?))", [text, query]).fetchone()[0]
    assert fold(query) in fold(text)
