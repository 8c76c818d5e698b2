"""Body mentions: the gazetteer, productive patterns, collectives, officials, localities."""
import pytest

from nlp.bodies import find_bodies, names_body

CASES = [
    ("Sở Thông tin và Truyền thông chủ trì, phối hợp với Ban Tuyên giáo Tỉnh uỷ",
     ["Sở Thông tin và Truyền thông", "Ban Tuyên giáo Tỉnh uỷ"]),
    ("Giao Phòng Hành chính tổ chức - Quản trị tài vụ tổng hợp kết quả, tham mưu Hội đồng Thi đua - Khen thưởng họp",
     ["Phòng Hành chính tổ chức - Quản trị tài vụ", "Hội đồng Thi đua - Khen thưởng"]),
    ("1. Các Phòng, ban, đơn vị trực thuộc Văn phòng phối hợp tổ chức triển khai",
     ["Các Phòng, ban, đơn vị trực thuộc Văn phòng"]),
    ("Trưởng các phòng chuyên môn, Chánh Thanh tra, Chánh Văn phòng có trách nhiệm",
     ["Trưởng các phòng chuyên môn", "Chánh Thanh tra", "Chánh Văn phòng"]),
    ("2. Giao Văn phòng thực hiện tuyên truyền", ["Văn phòng"]),
    ("a) Các sở, ban, ngành, địa phương", ["Các sở, ban, ngành, địa phương"]),
    # the front and its member organisations read as one addressee
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các tổ chức chính trị - xã hội",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các tổ chức chính trị - xã hội"]),
    # elsewhere "tổ chức chính trị - xã hội" is a body of its own, with or without "các"
    ("Các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã, phường chịu trách nhiệm",
     ["Các sở, ban, ngành", "tổ chức chính trị - xã hội", "Ủy ban nhân dân các xã, phường"]),
    ("phối hợp với các tổ chức chính trị - xã hội, tổ chức chính trị - xã hội - nghề nghiệp",
     ["các tổ chức chính trị - xã hội"]),
    ("2. Ban công tác Mặt trận các tổ dân phố căn cứ kế hoạch này. 6. Đoàn kiểm tra trong quá trình",
     ["Ban công tác Mặt trận các tổ dân phố", "Đoàn kiểm tra"]),
    ("Hội đồng Thi đua - Khen thưởng các cấp : Phân công", ["Hội đồng Thi đua - Khen thưởng các cấp"]),
    ("đ) Các cơ quan thông tin truyền thông, báo chí  : Thực hiện", ["Các cơ quan thông tin truyền thông, báo chí"]),
    ("Trung tâm Văn hóa, Thể thao và Truyền thông huyện chủ trì, phối hợp với Phòng Nội vụ",
     ["Trung tâm Văn hóa, Thể thao và Truyền thông huyện", "Phòng Nội vụ"]),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội cấp huyện, cấp xã có trách nhiệm",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội cấp huyện, cấp xã"]),
    ("Các cơ quan, đơn vị huyện; Ủy ban nhân dân các xã, thị trấn căn cứ kế hoạch",
     ["Các cơ quan, đơn vị huyện", "Ủy ban nhân dân các xã, thị trấn"]),
    ("UBND huyện Phong Thổ báo cáo Sở Lao động– Thương binh và Xã hội, UBND tỉnh trước ngày 20",
     ["UBND huyện Phong Thổ", "Sở Lao động– Thương binh và Xã hội", "UBND tỉnh"]),
    ("Giấy khen của thủ trưởng các cơ quan, đơn vị; Chủ tịch UBND cấp xã",
     ["thủ trưởng các cơ quan, đơn vị", "Chủ tịch UBND cấp xã"]),
    ("Sở KH&CN phối hợp Sở Tài chính và Ủy ban nhân dân các xã", ["Sở KH&CN", "Sở Tài chính", "Ủy ban nhân dân các xã"]),
    ("ỦY BAN NHÂN DÂN TỈNH KON TUM", ["ỦY BAN NHÂN DÂN TỈNH KON TUM"]),
    # not bodies
    ("III. TỔ CHỨC THỰC HIỆN", []),
    ("Ban hành Kế hoạch. Tổ chức Phong trào thi đua. Hội nghị sơ kết.", []),
    ("chào mừng Đại hội Đại biểu Đảng bộ tỉnh lần thứ XVII", []),
    ("hỗ trợ các xã đặc biệt khó khăn trên địa bàn các xã, thị trấn", []),
]


@pytest.mark.parametrize("text,names", CASES)
def test_find_bodies(text, names):
    found = find_bodies(text)
    assert [m.name for m in found] == names
    for m in found:
        assert " ".join(text[m.start:m.end].split()) == m.name


@pytest.mark.parametrize("text,canonical,kind,level", [
    ("Sở Nội vụ", "Sở Nội vụ", "department", "province"),
    ("SNV", "Sở Nội vụ", "department", "province"),
    ("Ban Tuyên giáo Huyện uỷ", "Ban Tuyên giáo Huyện ủy", "party", "district"),
    ("Phòng Lao động, Thương binh và Xã hội", "Phòng Lao động - Thương binh và Xã hội", "division", "district"),
    ("Bộ Nông nghiệp và Môi trường", "Bộ Nông nghiệp và Môi trường", "ministry", "central"),
    ("Ủy ban nhân dân các xã, thị trấn", None, "people_committee", "commune"),
    ("các sở, ban, ngành", None, "group", None),
])
def test_canonical_kind_level(text, canonical, kind, level):
    (m,) = find_bodies(text)
    assert (m.canonical, m.kind, m.level) == (canonical, kind, level)


def test_offsets_with_range():
    text = "Trước ngày 20/11, Sở Nội vụ tổng hợp, báo cáo UBND tỉnh."
    start = text.index("Sở")
    found = find_bodies(text, start, len(text))
    assert [(text[m.start:m.end]) for m in found] == ["Sở Nội vụ", "UBND tỉnh"]


@pytest.mark.parametrize("text,expected", [
    # a locality right after a bare head; a known name after a head ("Chi nhánh Ngân hàng …")
    ("Bảo hiểm xã hội Thành phố, Chi nhánh Ngân hàng Chính sách xã hội Thành phố, Trung tâm Dịch vụ việc làm",
     ["Bảo hiểm xã hội Thành phố", "Chi nhánh Ngân hàng Chính sách xã hội Thành phố", "Trung tâm Dịch vụ việc làm"]),
    # a list of localities without "các"; the merged provincial media body (2025)
    ("Ủy ban nhân dân phường, xã, đặc khu và Báo và Phát thanh, Truyền hình Cần Thơ",
     ["Ủy ban nhân dân phường, xã, đặc khu", "Báo và Phát thanh, Truyền hình Cần Thơ"]),
])
def test_reorganised_and_service_bodies(text, expected):
    assert [m.name for m in find_bodies(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # courts, procuracies and police of a locality; the cooperative alliance
    ("Viện kiểm sát nhân dân thành phố, Tòa án nhân dân tỉnh và Công an thành phố",
     ["Viện kiểm sát nhân dân thành phố", "Tòa án nhân dân tỉnh", "Công an thành phố"]),
    ("Hội Nông dân, Liên minh Hợp tác xã tỉnh", ["Hội Nông dân", "Liên minh Hợp tác xã tỉnh"]),
])
def test_justice_and_cooperative_bodies(text, expected):
    assert [m.name for m in find_bodies(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a sub-unit written after its parent is one body; a head doubled by a cell or line join is one head
    ("Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II: chủ trì",
     ["Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II"]),
    ("Sở Tài Chính; Sở Sở Công thương", ["Sở Tài Chính", "Sở Công thương"]),
    # 2025 bodies: the provincial tax office, the science associations, business associations
    ("Thuế Đồng Nai, Liên hiệp các Hội Khoa học và Kỹ thuật và Hiệp hội Doanh nghiệp",
     ["Thuế Đồng Nai", "Liên hiệp các Hội Khoa học và Kỹ thuật", "Hiệp hội Doanh nghiệp"]),
    # a sector written without its commas; research institutes and universities as collectives
    ("Sở Văn hoá Thể thao du lịch", ["Sở Văn hoá Thể thao du lịch"]),
    ("Phối hợp với các Viện nghiên cứu phát triển công nghệ mới", ["các Viện nghiên cứu"]),
    ("Các Trường Đại học, Cao đẳng trên địa bàn tỉnh", ["Các Trường Đại học, Cao đẳng trên địa bàn tỉnh"]),
])
def test_branches_doubled_heads_and_new_bodies(text, expected):
    assert [m.name for m in find_bodies(text)] == expected


@pytest.mark.parametrize("name,ok", [
    ("Doanh nghiệp", True), ("Viện, Trường", True), ("Các doanh nghiệp viễn thông", True), ("EVN", True),
    ("Thuế Đồng Nai", True), ("Nội dung", False), ("I", False), ("II", False), ("Kế hoạch", False),
    ("bộ máy, mạng lưới", False), ("Các trường hợp xét khen thưởng", False), ("Các giải pháp tổ chức", False),
])
def test_names_body(name, ok):
    assert names_body(name) is ok
