"""Every shared real document and seed loads, and says what it really says.

Word 97 conversions and OCR'd scans take seconds each: those cases are marked ``slow``.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path

import pytest

from ingest import load
from schema.raw import SourceFormat
from service.cli import main as cli_main
from tests.conftest import REALDOCS, SEEDS, require_tool

FORMATS = {".txt": SourceFormat.TEXT, ".docx": SourceFormat.DOCX, ".doc": SourceFormat.DOC,
           ".pdf": SourceFormat.PDF}

# Values read off each document: its number line (or another heading) and its signer.
EXPECTED: dict[str, tuple[str, ...]] = {
    # thuvienphapluat copies
    "tvpl_CD_224-CD-TTg_ThuTuongChinhPhu_2025-11-20.txt": ("Số: 224/CĐ-TTg", "Phạm Minh Chính"),
    "tvpl_CD_234-CD-TTg_ThuTuongChinhPhu_2025-11-30.txt": ("Số: 234/CĐ-TTg", "Phạm Minh Chính"),
    "tvpl_CT_010-CT-UBND_DakLak_2025-11-17.txt": ("Số: 010/CT-UBND", "Trương Công Thái"),
    "tvpl_CT_012-CT-UBND_DakLak_2025-11-26.txt": ("Số: 012/CT-UBND", "Trương Công Thái"),
    "tvpl_CT_09-CT-UBND_CanTho_2025-11-18.txt": ("Số: 09/CT-UBND", "Trần Chí Hùng"),
    "tvpl_CV_10988-BNV-CQDP_BoNoiVu_2025-11-21.txt": ("Số:10988/BNV-CQĐP", "Trương Hải Long"),
    "tvpl_CV_4240-UBND-VX_HoChiMinh_2025-11-28.txt": ("Số: 4240/UBND-VX", "Nguyễn Mạnh Cường"),
    "tvpl_CV_5155-SGDDT-GDTXNNDH_HoChiMinhSoGiaoDucVaDaoT_2025-11-28.txt":
        ("Số: 5155/SGDĐT-GDTXNNĐH", "Trương Hải Thanh"),
    "tvpl_KH_0129-KH-UBND_DakLak_2025-11-21.txt": ("Số: 0129/KH-UBND", "Hồ Thị Nguyên Thảo"),
    "tvpl_KH_0130-KH-UBND_DakLak_2025-11-21.txt": ("Số: 0130/KH-UBND", "Hồ Thị Nguyên Thảo"),
    "tvpl_KH_0134-KH-UBND_DakLak_2025-11-25.txt": ("Số: 0134/KH-UBND", "Trương Công Thái"),
    "tvpl_KH_0204-KH-UBND_CaMau_2025-11-24.txt": ("Số: 0204/KH-UBND", "Lâm Văn Bi"),
    "tvpl_KH_144-KH-UBND_BacNinh_2025-11-24.txt": ("Số: 144/KH-UBND", "Mai Sơn"),
    "tvpl_KH_153-KH-UBND_CanTho_2025-11-17.txt": ("Số: 153/KH-UBND", "Trương Cảnh Tuyên"),
    "tvpl_KH_159-KH-UBND_CanTho_2025-11-19.txt": ("Số: 159/KH-UBND", "Trần Chí Hùng"),
    "tvpl_KH_172-KH-UBND_HoChiMinh_2025-11-18.txt": ("Số: 172/KH-UBND", "Trần Thị Diệu Thúy"),
    "tvpl_KH_179-KH-UBND_DongNai_2025-11-18.txt": ("Số: 179/KH-UBND", "Võ Tấn Đức"),
    "tvpl_KH_182-KH-UBND_DongNai_2025-11-20.txt": ("Số: 182/KH-UBND", "Lê Trường Sơn"),
    "tvpl_KH_235-KH-UBND_ThanhHoa_2025-11-18.txt": ("Số: 235/KH-UBND", "Mai Xuân Liêm"),
    "tvpl_KH_310-KH-UBND_HaNoi_2025-11-24.txt": ("Số: 310/KH-UBND", "Trương Việt Dũng"),
    "tvpl_KH_552-KH-UBND_DongThap_2025-11-19.txt": ("Số: 552/KH-UBND", "Huỳnh Minh Tuấn"),
    "tvpl_KH_556-KH-UBND_DongThap_2025-11-19.txt": ("Số: 556/KH-UBND", "Nguyễn Thành Diệu"),
    "tvpl_KH_597-KH-UBND_DongThap_2025-11-27.txt": ("Số: 597/KH-UBND", "Nguyễn Thành Diệu"),
    "tvpl_KH_624-KH-UBND_HaTinh_2025-11-19.txt": ("Số: 624/KH-UBND", "Nguyễn Thị Nguyệt"),
    "tvpl_KH_980-KH-UBND_NgheAn_2025-11-18.txt": ("Số: 980/KH-UBND", "Nguyễn Văn Đệ"),
    "tvpl_KH_987-KH-UBND_NgheAn_2025-11-20.txt": ("Số: 987/KH-UBND", "Hoàng Phú Hiền"),
    "tvpl_NQ_36-2025-NQ-HDND_Hue_2025-11-18.txt": ("Số: 36/2025/NQ-HĐND", "Lê Trường Lưu"),
    "tvpl_NQ_83-2025-NQ-HDND_HaNoi_2025-11-27.txt": ("NGHỊ QUYẾT", "Nơi nhận:"),
    "tvpl_QD_1627-QD-UBND_QuangNgai_2025-11-21.txt": ("Số: 1627/QĐ-UBND", "Nguyễn Ngọc Sâm"),
    "tvpl_QD_2623-QD-TTg_ThuTuongChinhPhu_2025-11-29.txt": ("Số: 2623/QĐ-TTg", "Phạm Minh Chính"),
    "tvpl_QD_2820-QD-UBND_HoChiMinh_2025-11-19.txt": ("QUYẾT ĐỊNH", "Nguyễn Lộc Hà"),
    "tvpl_QD_2853-QD-UBND_HoChiMinh_2025-11-21.txt": ("Số: 2853/QĐ-UBND", "Bùi Minh Thạnh"),
    "tvpl_QD_2954-QD-UBND_SonLa_2025-11-20.txt": ("Số: 2954/QĐ-UBND", "Nguyễn Thành Công"),
    "tvpl_QD_4385-QD-BVHTTDL_BoVanHoaTheThaoVaDuLich_2025-11-18.txt":
        ("Số: 4385/QĐ-BVHTTDL", "Tạ Quang Đông"),
    "tvpl_QD_71-2025-QD-UBND_HaNoi_2025-11-26.txt": ("Số: 71/2025/QĐ-UBND", "Dương Đức Tuấn"),
    "tvpl_QD_86-2025-QD-UBND_BacNinh_2025-12-03.txt": ("QUYẾT ĐỊNH", "Phạm Hoàng Sơn"),
    "tvpl_TB_624-TB-VPCP_VanPhongChinhPhu_2025-11-16.txt": ("Số: 624/TB-VPCP", "Phạm Mạnh Cường"),
    "tvpl_TB_631-TB-VPCP_VanPhongChinhPhu_2025-11-19.txt": ("Số: 631/TB-VPCP", "Phạm Mạnh Cường"),
    "tvpl_TB_983-TB-CT_BoTaiChinhCucThue_2025-11-21.txt": ("Số: 983/TB-CT", "Phạm Ngọc Lai"),
    # vbpl.vn extracts
    "vbpl_QD_01-2026-QD-TTg_2026-01-01.txt": ("Số: 01/2026/QĐ-TTg", "Phạm Thị Thanh Trà"),
    "vbpl_TT_01-2026-TT-BNG_2026-01-01.txt": ("Số: 01/2026/TT-BNG", "THÔNG TƯ"),
    "vbpl_TT_07-2026-TT-BGDDT_2026-02-15.txt": ("Số: 07/2026/TT-BGDĐT", "Phạm Ngọc Thưởng"),
    "vbpl_TT_118-2025-TT-BTC_2025-12-15.txt": ("Số: 118/2025/TT-BTC", "Nguyễn Đức Chi"),
    "vbpl_TT_143-2025-TT-BTC_2025-12-31.txt": ("Số: 143/2025/TT-BTC", "Nguyễn Thị Bích Ngọc"),
    "vbpl_TT_20-2025-TT-BNV_2025-10-11.txt": ("Số: 20/2025/TT-BNV", "Phạm Thị Thanh Trà"),
    "vbpl_TT_20-2025-TT-BVHTTDL_2025-12-24.txt": ("Số: 20/2025/TT-BVHTTDL", "Nguyễn Văn Hùng"),
    "vbpl_TT_25-2025-TT-BKHCN_2025-10-31.txt": ("Số: 25/2025/TT-BKHCN", "Nguyễn Mạnh Hùng"),
    "vbpl_TT_55-2025-TT-BXD_2025-12-25.txt": ("Số: 55/2025/TT-BXD", "Nguyễn Danh Huy"),
    "vbpl_TT_62-2025-TT-BNNMT_2025-10-31.txt": ("Số: 62/2025/TT-BNNMT", "Trần Đức Thắng"),
    # DOCX
    "lm_HD_MTTQ-bau-cu_LuongMinh_2025-11.docx": ("Số: /HD-MTTQ-BTT", "Lan Thị Vân"),
    "lm_HD_gioithieu-ungcu_LuongMinh_2025-12-22.docx": ("Số: /HD-MTTQ-BTT", "XÃ LƯƠNG MINH"),
    "lm_HD_hiepthuong_MTTQ-QuangNinh_2025-11.docx": ("Số: /HD- MTTQ-BTT", "Nguyễn Chí Thành"),
    "lm_KH_01-KH-TBTTKT_PhoBang_2025-12-10.docx": ("Số: 01/KH-TBTTKT", "Nguyễn Văn Hoàn"),
    "lm_KH_HN-cutri-noicutru_LuongMinh_2026-01-12.docx": ("Số: /KH-MTTQ-BTT", "Lan Thị Vân"),
    "lm_KH_hiepthuong-lan2_LuongMinh_2026-01.docx": ("Số: /KH-MTTQ-BTT", "Lan Thị Vân"),
    "lm_KH_kiemtra-giamsat_BacCamRanh_2025-11.docx": ("Số: /KH-MTTQ-BTT", "Phạm Thị Thúy"),
    "lm_KH_tiepcongdan_LuongMinh_2025-12-10.docx": ("Số: /KH-MTTQ-BTT", "Lan Thị Vân"),
    "lm_QD_to-tiepcongdan_LuongMinh_2026-01-12.docx": ("Số: /QĐ-MTTQ-BTT", "Lan Thị Vân"),
    "qb_BieuMau01_TongHopKhenThuongNhaNuoc_QuangBinh_2022.docx": ("Biểu mẫu số 01", "Trần Thắng"),
    "qb_HD_HDTDKT_HungYen_2021_draft.docx": ("Số: /HD – HĐTĐKT", "Đặng Ngọc Quỳnh"),
    "qb_Mau01_PhieuThongTinNLD_QuangBinh.docx": ("Mẫu số 01", "PHIẾU THÔNG TIN VỀ NGƯỜI LAO ĐỘNG"),
    # Word 97
    "lm_Luat_72-2025-QH15_TCCQDP_2025-06-16.doc": ("Luật số: 72/2025/QH15", "Trần Thanh Mẫn"),
    "lm_Luat_83-2025-QH15_2025-06-24.doc": ("Luật số: 83/2025/QH15", "Trần Thanh Mẫn"),
    "lm_NQLT_102-2025_2025-09-26.doc": ("Số: 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
                                        "NGHỊ QUYẾT LIÊN TỊCH"),
    "lm_NQ_101-2025-UBTVQH15_2025-09-26.doc": ("Nghị quyết số: 101/2025/UBTVQH15",),
    "lm_NQ_40-NQ-HDBCQG_2025-09-29.doc": ("Số: 40/NQ-HĐBCQG", "Hà Nội, ngày 29 tháng 9 năm 2025"),
    "lm_NQ_99-2025-NQ-HDND_QuangNinh_2025-12-16.doc": ("Số: 99/2025/NQ-HĐND",
                                                       "Trịnh Thị Minh Thanh"),
    "qb_Luat_06-2022-QH15_ThiDuaKhenThuong.doc": ("Luật số: 06/2022/QH15", "Vương Đình Huệ"),
    "qb_Luat_15-2003-QH11_ThiDuaKhenThuong.doc": ("Luật số: 15/2003/QH11", "THI ĐUA, KHEN THƯỞNG"),
    "qb_PhanCong_PhongTDKT_SNV_QuangBinh_2021-05-04.doc": ("PHÂN CÔNG NHIỆM VỤ", "Hồ Quyết Thắng"),
    "qb_QD_10-2007-QD-TTg_HeThongNganhKinhTe.doc": ("Số: 10/2007/QĐ-TTg", "Nguyễn Sinh Hùng"),
    "qb_QD_draft-tang-Bang-khen_QuangBinh_2022-10.doc": ("Số: /QĐ-UBND", "Trần Thắng"),
    "qb_TT_03-2018-TT-BNG_ThiDuaNgoaiGiao.doc": ("Số: 03/2018/TT-BNG", "Phạm Bình Minh"),
    # PDF (text layer or OCR): substrings, OCR may garble a line but not all of these
    "qb_BB_02-BB-STP_QuangBinh_2022-09-26_scan.pdf": ("QUẢNG BÌNH",),
    "qb_BC_STC_HauGiang_2024-07_unsigned.pdf": ("Số: /BC-STC", "Nguyễn Thị Kim Loan"),
    "qb_CV_SLDTBXH-LDVLDN_QuangBinh_2022-10_signed.pdf": ("Số: /SLĐTBXH-LĐVLDN",
                                                          "Đinh Thị Ngọc Lan"),
    "qb_KH_672-KH-UBND_QuangBinh_2024-04-17_scan.pdf": ("QUẢNG BÌNH",),
    "qb_QD_2871-QD-UBND_QuangBinh_2022-10-24_scan.pdf": ("QUẢNG",),
    "qb_TT_01-2022-TT-BLDTBXH_2022-01-25.pdf": ("Số: 01/2022/TT-BLĐTBXH",),
    "qb_TTr_2753-TTr-STP_QuangBinh_2022-09-28_scan.pdf": ("QUẢNG BÌNH",),
    "qb_VBHN_LuatTDKT_CongBao-31-32_2014-01-06.pdf": ("Luật thi đua, khen thưởng số 15/2003/QH11",
                                                      "Nguyễn Hạnh Phúc"),
    # seeds
    "000_9a1448a8e8040832.txt": ("Số: /KH-VP", "Vũ Đức Chính"),
    "001_9e055817bc13e29e.txt": ("KẾ HOẠCH", "Nguyễn Quốc Toàn"),
    "002_747681e54acd1ab4.txt": ("KẾ HOẠCH", "Lê Anh Tuấn"),
    "003_0eb59aa12a805793.txt": ("Kon Tum, ngày 22 tháng 7 năm 2024", "Nơi nhận:"),
    "004_a2257aa210d7d8d8.txt": ("Số: /KH-UBND", "Mai Thị Hồng Sim"),
}


def _documents() -> list[Path]:
    found = []
    for folder in (REALDOCS, SEEDS):
        if folder.is_dir():
            found.extend(p for p in sorted(folder.iterdir()) if p.suffix.lower() in FORMATS)
    return found


def _param(path: Path):
    slow = path.suffix == ".doc" or (path.suffix == ".pdf" and "_scan" in path.name)
    return pytest.param(path, id=path.name, marks=[pytest.mark.slow] if slow else [])


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.mark.parametrize("path", [_param(p) for p in _documents()])
def test_document_loads_with_its_real_content(path: Path):
    if path.suffix == ".pdf":
        if importlib.util.find_spec("ingest.pdf_reader") is None:
            pytest.skip("the PDF reader is not there yet")
        if "_scan" in path.name:
            require_tool("tesseract")
    if path.suffix == ".doc":
        require_tool("soffice")
    raw = load(path)
    assert raw.source_format is FORMATS[path.suffix]
    assert raw.blocks and raw.blocks[-1].end == len(raw.text)
    expected = EXPECTED.get(path.name)
    assert expected, f"add the values of {path.name} to EXPECTED"
    if path.suffix == ".pdf":
        folded = _fold(raw.text)
        assert any(_fold(value) in folded for value in expected)
        return
    lines = [raw.text[b.start:b.end] for b in raw.blocks]
    for value in expected:
        assert value in lines, f"{value!r} is not a line of {path.name}"


def test_every_shared_document_has_expected_values():
    names = {p.name for p in _documents()}
    assert names <= set(EXPECTED), sorted(names - set(EXPECTED))


@pytest.mark.parametrize("name, line", [
    ("tvpl_KH_144-KH-UBND_BacNinh_2025-11-24.txt", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"),
    ("lm_KH_01-KH-TBTTKT_PhoBang_2025-12-10.docx", "ỦY BAN BẦU CỬ XÃ PHỐ BẢNG"),
])
def test_cli_text_prints_the_normalised_text(name, line, capsys):
    if not (REALDOCS / name).is_file():
        pytest.skip("../shared is not beside this checkout")
    assert cli_main(["text", str(REALDOCS / name)]) == 0
    out = capsys.readouterr().out
    assert out.split("\n")[0] == line
    assert "**" not in out and "\n|" not in out
