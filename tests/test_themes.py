"""kdcl.themes on real weakness sentences from the seed plans (tests/seeds)."""

import random
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kdcl import themes

SEEDS = Path(__file__).resolve().parent / "seeds"

# weaknesses copied from the five real plans (checked against the files below)
CLASS_SIZE = "Sĩ số học sinh ở các lớp còn cao (năm học 2023-2024 có 43 lớp sĩ số trên 40hs/lớp)"  # seed 002, 1.5
CLASS_SIZE_2 = "Sĩ số bình quân học sinh/lớp chưa đảm bảo theo quy định"  # seed 001, 1.5
EQUIPMENT_STAFF = "Trường chưa có nhân viên biên chế phụ trách công tác thiết bị."  # seed 002, 2.3
SEED_SENTENCES = [
    CLASS_SIZE,
    CLASS_SIZE_2,
    EQUIPMENT_STAFF,
    "02 giáo viên chưa đạt trình độ Đại học.",
    "Trường vẫn còn học sinh vi phạm tác phong, đi học trễ, trật tự",
    "Chưa có nhà thi đấu đa năng, bãi tập thể thao, diện tích sân chơi không đủ.",
    "Các phòng hành chính quản trị có diện tích chưa đạt kích thước tiêu chuẩn quốc gia TCVN 8794 : 2011",
    "Nhà trường chưa thực sự trở thành trung tâm văn hóa, giáo dục của địa phương.",
    "Tổ chuyên môn thực hiện chuyên đề chưa đầu tư kỹ, chưa sáng tạo.",
    "Hệ thống đèn báo cháy của nhà trường chưa có",
    "Nhà trường còn 01 giáo viên chưa đạt chuẩn theo quy định.",
    "Mua bán, Sửa chữa các hạng mục hỏng, xuống cấp",
    "Việc thu gom rác trong nhà trường chưa thực hiện kịp thời mỗi ngày.",
    "Trường chưa có phòng lưu trữ hồ sơ, tài liệu chung.",
    "Vẫn còn tình trạng buôn bán trước cổng trường vào đầu giờ học.",
    "Kỹ năng giao tiếp tiếng Anh của hiệu trưởng và phó hiệu trưởng còn hạn chế.",
]


def _folded_seeds() -> str:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return " ".join(themes.fold(text).split())


def test_the_sentences_are_really_in_the_seeds():
    seeds = _folded_seeds()
    for sentence in SEED_SENTENCES:
        assert " ".join(themes.fold(sentence).split()) in seeds, sentence


def frame(texts, schools=None, criteria=None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "text": texts,
            "school_id": schools or [f"T{i:02d}" for i in range(len(texts))],
            "criterion_code": criteria or ["1.1"] * len(texts),
        }
    )


def theme_of(texts: list[str], **kwargs) -> dict[str, int]:
    """Theme number of each text when the seed sentences (plus `texts`) are grouped."""
    corpus = list(dict.fromkeys([*SEED_SENTENCES, *texts]))
    _, members = themes.group_themes(frame(corpus), **kwargs)
    return dict(zip(corpus, members))


# --------------------------------------------------------------------------- normalisation


def test_fold_is_accent_case_and_form_insensitive():
    assert themes.fold("Sĩ số ĐẠT chuẩn") == "si so dat chuan"
    nfd = unicodedata.normalize("NFD", CLASS_SIZE)
    assert nfd != CLASS_SIZE and themes.fold(nfd) == themes.fold(CLASS_SIZE)
    assert themes.clean(nfd) == CLASS_SIZE  # display text back in NFC


def test_clean_drops_html_bookmarks_and_extra_space():
    assert themes.clean("<p>Hình thức  tuyên\ttruyền</p> chưa phong phú") == "Hình thức tuyên truyền chưa phong phú"
    assert themes.clean("[bookmark: _GoBack]02 giáo viên") == "02 giáo viên"
    assert themes.clean(None) == "" and themes.clean(float("nan")) == ""


def test_terms_are_syllables_and_adjacent_pairs_without_stop_words_numbers_or_punctuation():
    terms = themes.terms(CLASS_SIZE)
    assert {"si", "so", "si so", "hoc sinh", "lop"} <= terms.keys()
    assert terms["si so"] == 2  # "Sĩ số học sinh ..." and "... lớp sĩ số"
    assert not {"cac", "con", "o", "co"} & terms.keys()  # các, còn, ở, có are stop words
    assert not any(re.search(r"\d", t) for t in terms)  # 2023-2024, 43, 40hs
    assert "sinh lop" not in themes.terms(CLASS_SIZE_2)  # "học sinh/lớp": the slash breaks the pair
    assert "chua co" not in themes.terms(EQUIPMENT_STAFF)  # a pair never spans a stop word


def test_stop_words_keep_content_syllables_that_fold_alike():
    # "có" (have) is a stop word but "cơ" in "cơ sở vật chất" is not, though both fold to "co"
    assert "co so" in themes.terms("Cơ sở vật chất còn thiếu")
    # a text typed without accents is compared with the folded stop words
    unaccented = themes.terms("Si so hoc sinh cac lop con cao")
    assert unaccented.keys() == themes.terms("Sĩ số học sinh các lớp còn cao").keys()


# --------------------------------------------------------------------------- grouping


def test_near_identical_class_size_texts_share_a_theme():
    members = theme_of([])
    assert members[CLASS_SIZE] == members[CLASS_SIZE_2]
    assert members[CLASS_SIZE] != members[EQUIPMENT_STAFF]


def test_unrelated_seed_sentences_stay_apart():
    members = theme_of([])
    different = [EQUIPMENT_STAFF, "Việc thu gom rác trong nhà trường chưa thực hiện kịp thời mỗi ngày.",
                 "Hệ thống đèn báo cháy của nhà trường chưa có", "Mua bán, Sửa chữa các hạng mục hỏng, xuống cấp"]
    assert len({members[s] for s in [CLASS_SIZE, *different]}) == 1 + len(different)


def test_the_issue_examples_group_across_schools():
    subject_rooms = ["Thiếu phòng học bộ môn theo quy định.",
                     "Chưa có phòng học bộ môn Tin học, Ngoại ngữ; phòng thí nghiệm còn thiếu.",
                     "Trường chưa có phòng học riêng biệt để dạy các môn Âm nhạc, Mỹ thuật, Khoa học."]
    teachers = ["Còn 02 giáo viên chưa đạt chuẩn trình độ đào tạo theo Luật Giáo dục năm 2019.",
                "Còn 03 giáo viên chưa đạt chuẩn trình độ đào tạo theo quy định."]
    members = theme_of(subject_rooms + teachers)
    assert members[subject_rooms[0]] == members[subject_rooms[1]]
    assert members[teachers[0]] == members[teachers[1]]
    assert members[subject_rooms[0]] != members[teachers[0]] != members[CLASS_SIZE]


def test_nfd_and_unaccented_copies_are_the_same_text():
    nfd = unicodedata.normalize("NFD", CLASS_SIZE)
    rows = frame([CLASS_SIZE, nfd, CLASS_SIZE.upper(), CLASS_SIZE_2, EQUIPMENT_STAFF],
                 schools=["A", "B", "C", "D", "E"])
    found, members = themes.group_themes(rows)
    assert members.iloc[0] == members.iloc[1] == members.iloc[2] == members.iloc[3]
    top = found.iloc[0]
    assert (top["schools"], top["items"], top["texts"]) == (4, 4, 2)  # three spellings = one text
    assert CLASS_SIZE in top["examples"]  # shown in NFC, in its most common spelling


def test_label_is_the_distinctive_bigram_in_its_accented_spelling():
    rows = frame([CLASS_SIZE, CLASS_SIZE_2, EQUIPMENT_STAFF, "Hệ thống đèn báo cháy của nhà trường chưa có"])
    found, _ = themes.group_themes(rows)
    class_size = found[found["examples"].map(lambda e: CLASS_SIZE in e)].iloc[0]
    assert "sĩ số" in class_size["label"] and "si so" in class_size["terms"]
    assert len(class_size["examples"]) == 2
    single = found[found["texts"] == 1].iloc[0]
    assert single["terms"] == [] and single["label"] == themes.shorten(single["examples"][0])


def test_counts_weights_school_lists_and_criteria():
    rows = pd.DataFrame(
        {
            "text": [CLASS_SIZE, CLASS_SIZE_2, EQUIPMENT_STAFF],
            "items": [3, 1, 2],
            "schools": [["S1", "S2"], ["S2", "S3"], ["S4"]],
            "criteria": [["1.5"], ["1.5", "3.2"], ["2.3"]],
        }
    )
    found, _ = themes.group_themes(rows, school="schools", criterion="criteria", weight="items")
    top = found.iloc[0]
    assert (top["theme"], top["schools"], top["items"], top["criteria"]) == (1, 3, 4, ["1.5", "3.2"])
    assert found.iloc[1]["criteria"] == ["2.3"]


def test_grouping_is_deterministic_whatever_the_order():
    corpus = SEED_SENTENCES + ["Thiếu phòng học bộ môn theo quy định.", "Chưa có phòng học bộ môn Tin học."]
    first, _ = themes.group_themes(frame(corpus))
    shuffled = corpus[:]
    random.Random(7).shuffle(shuffled)
    again, _ = themes.group_themes(frame(shuffled))
    pd.testing.assert_frame_equal(first.drop(columns="examples"), again.drop(columns="examples"))
    assert first["examples"].tolist() == again["examples"].tolist()


def test_empty_texts_are_left_out():
    found, members = themes.group_themes(frame(["", None, "   ", EQUIPMENT_STAFF]))
    assert len(found) == 1 and members.isna().tolist() == [True, True, True, False]
    empty, none = themes.group_themes(frame(["", None]))
    assert empty.empty and list(empty.columns) == themes.THEME_COLUMNS and none.isna().all()


def test_only_the_most_frequent_texts_are_grouped_beyond_the_cap():
    rows = frame([CLASS_SIZE, CLASS_SIZE, EQUIPMENT_STAFF])
    found, members = themes.group_themes(rows, max_texts=1)
    assert len(found) == 1 and found.iloc[0]["items"] == 2 and pd.isna(members.iloc[2])


# --------------------------------------------------------------------------- the pieces


def test_single_link_joins_chains_at_the_threshold():
    a = np.array([1.0, 0.0, 0.0])
    b = np.array([0.6, 0.8, 0.0])  # cos(a, b) = 0.6
    c = np.array([0.0, 0.6, 0.8])  # cos(b, c) = 0.48, cos(a, c) = 0
    d = np.array([0.0, 0.0, 1.0])  # cos(c, d) = 0.8
    matrix = np.vstack([a, b, c, d, [0.0, 0.0, 0.0]]).astype(np.float32)
    assert themes.link_groups(matrix, 0.45).tolist() == [0, 0, 0, 0, 4]  # a-b-c-d linked through b and c
    assert themes.link_groups(matrix, 0.5).tolist() == [0, 0, 2, 2, 4]
    assert themes.link_groups(np.zeros((0, 3), dtype=np.float32)).tolist() == []


def test_similarity_of_the_class_size_pair_clears_the_threshold():
    assert themes.similarity(CLASS_SIZE, CLASS_SIZE_2) >= themes.THRESHOLD
    assert themes.similarity(CLASS_SIZE, EQUIPMENT_STAFF) == pytest.approx(0.0)


def test_label_phrase_grows_to_what_the_texts_share():
    rooms = [themes.syllable_runs(t) for t in ["Thiếu phòng học bộ môn theo quy định.",
                                               "Chưa có phòng học bộ môn Tin học, Ngoại ngữ."]]
    assert themes._expand("hoc bo", rooms) == "phòng học bộ môn"
    it = [themes.syllable_runs(t) for t in ["Việc ứng dụng công nghệ thông tin trong quản lý còn hạn chế.",
                                            "Giáo viên ngại ứng dụng công nghệ thông tin khi dạy học."]]
    assert themes._expand("nghe thong", it) == "ứng dụng công nghệ thông tin"
    assert themes._expand("nghe thong", it[:1]) == "nghệ thông"  # one text: nothing shared to grow into
