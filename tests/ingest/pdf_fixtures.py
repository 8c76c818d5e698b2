"""Builders of real PDFs and images for the PDF, OCR and legacy-encoding tests.

PDFs are drawn with reportlab in DejaVu (fonts-dejavu-core: it has every Vietnamese glyph)
the way office software lays out a KẾ HOẠCH: a two-column header (issuer left, quốc hiệu
right), a centred title, indented and wrapped paragraphs, a running header and page
numbers, and a two-column signature block.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 85.0, 540.0
SIZE = 12.0
LEADING = 17.0

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN", "Số: 524/KH-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Bắc Kạn, ngày 05 tháng 8 năm 2024"]
TITLE = ["KẾ HOẠCH", "Tổ chức phong trào thi đua “Cán bộ, công chức, viên chức thi đua",
         "thực hiện văn hóa công sở” năm 2024"]
RUNNING_HEAD = "Kế hoạch thi đua năm 2024 của Ủy ban nhân dân tỉnh Bắc Kạn"
SIGNATURE_LEFT = ["Nơi nhận:", "- Sở Nội vụ;", "- Các sở, ban, ngành;", "- Lưu: VT, NC."]
SIGNATURE_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Đăng Bình"]

# (kind, text): "heading" lines stay on one line at the margin; "para" is wrapped and indented.
BODY = [
    ("para", "Thực hiện Kế hoạch số 112/KH-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân "
             "tỉnh về công tác thi đua, khen thưởng năm 2024, Ủy ban nhân dân tỉnh Bắc Kạn ban "
             "hành Kế hoạch tổ chức phong trào thi đua như sau:"),
    ("heading", "I. MỤC ĐÍCH, YÊU CẦU"),
    ("heading", "1. Mục đích"),
    ("para", "a) Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức trong việc "
             "thực hiện văn hóa công sở, góp phần xây dựng nền hành chính chuyên nghiệp, hiện đại "
             "và phục vụ Nhân dân ngày càng tốt hơn."),
    ("para", "b) Biểu dương, khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc, "
             "nhân rộng các điển hình tiên tiến trong phong trào thi đua."),
    ("heading", "2. Yêu cầu"),
    ("para", "- Phong trào thi đua phải được tổ chức thiết thực, hiệu quả, tránh hình thức; gắn "
             "với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị."),
    ("para", "- Các cơ quan ứng dụng công nghệ thông tin, chuyển đổi số, điện toán đám mây (cloud "
             "computing) trong quản lý văn bản và hồ sơ công việc."),
    ("heading", "II. NỘI DUNG THI ĐUA"),
    ("para", "1. Thi đua thực hiện nghiêm kỷ luật, kỷ cương hành chính; chấp hành giờ giấc làm "
             "việc, không sử dụng đồ uống có cồn trong giờ làm việc và giờ nghỉ trưa của ngày làm "
             "việc."),
    ("para", "2. Thi đua nâng cao chất lượng phục vụ Nhân dân, giải quyết thủ tục hành chính đúng "
             "hạn; công khai, minh bạch quy trình, thời gian giải quyết công việc."),
    ("heading", "III. TỔ CHỨC THỰC HIỆN"),
    ("para", "1. Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị hướng dẫn, theo dõi, đôn đốc "
             "việc thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày "
             "20/11/2024."),
    ("para", "2. Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố căn cứ Kế hoạch này xây "
             "dựng kế hoạch cụ thể, tổ chức phát động phong trào thi đua tại cơ quan, đơn vị; gửi "
             "báo cáo kết quả về Sở Nội vụ trước ngày 10 tháng 11 năm 2024 để tổng hợp."),
    ("para", "3. Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị "
             "kịp thời phản ánh về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, "
             "chỉ đạo./."),
]


def font_name(bold: bool = False, serif: bool = False) -> str:
    """Register a DejaVu face with reportlab once; return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    face = ("DejaVuSerif" if serif else "DejaVuSans") + ("-Bold" if bold else "")
    if face not in pdfmetrics.getRegisteredFontNames():
        path = FONT_DIR / f"{face}.ttf"
        if not path.exists():
            pytest.skip(f"font {path} not installed (fonts-dejavu-core)")
        pdfmetrics.registerFont(TTFont(face, str(path)))
    return face


@dataclass
class PlanPdf:
    """Options for ``plan_pdf``: what to draw, so tests can vary one thing at a time."""
    body: list[tuple[str, str]] = field(default_factory=lambda: list(BODY))
    repeat_body: int = 2                  # the body drawn this many times: several pages
    running_head: bool = True
    page_numbers: bool = True
    hyphenate: str | None = "computing"   # split this word "com-" / "puting" at a line end
    encrypt_password: str | None = None
    serif: bool = False
    signature: bool = True


def _wrap(text: str, face: str, width: float, first_indent: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current = [], ""
    indent = first_indent
    for word in text.split():
        trial = f"{current} {word}".strip()
        if stringWidth(trial, face, SIZE) > width - indent and current:
            lines.append(current)
            current, indent = word, 0.0
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _hyphenate(lines: list[str], word: str) -> list[str]:
    """Break ``word`` over two lines with a hyphen, as a hyphenating layout does."""
    for i, line in enumerate(lines[:-1]):
        at = line.find(word)
        if at > 0:
            half = len(word) // 2
            lines[i] = line[:at] + word[:half] + "-"
            lines[i + 1] = f"{line[at + half:]} {lines[i + 1]}"
            return lines
    return lines


def plan_pdf(options: PlanPdf | None = None) -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    o = options or PlanPdf()
    regular, bold = font_name(serif=o.serif), font_name(bold=True, serif=o.serif)
    buf = io.BytesIO()
    encrypt = StandardEncryption(o.encrypt_password, canPrint=1) if o.encrypt_password else None
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), encrypt=encrypt)
    page = 1
    y = 60.0

    def top(v: float) -> float:            # reportlab's origin is bottom-left
        return PAGE_H - v

    def page_furniture() -> None:
        c.setFont(regular, 9)
        if o.running_head:
            c.drawCentredString(PAGE_W / 2, top(30), RUNNING_HEAD)
        if o.page_numbers:
            c.drawCentredString(PAGE_W / 2, top(PAGE_H - 30), str(page))

    def new_page() -> None:
        nonlocal page, y
        c.showPage()
        page += 1
        y = 60.0
        page_furniture()

    def need(height: float) -> None:
        if y + height > PAGE_H - 70:
            new_page()

    page_furniture()
    for left, right in zip(HEADER_LEFT, HEADER_RIGHT):       # drawn row by row, as Word does
        c.setFont(bold if left.isupper() else regular, SIZE - 1)
        c.drawCentredString(175, top(y), left)
        c.setFont(bold if right.isupper() else regular, SIZE - 1)
        c.drawCentredString(405, top(y), right)
        y += LEADING
    y += LEADING
    for i, line in enumerate(TITLE):
        c.setFont(bold, SIZE + 2 if i == 0 else SIZE)
        c.drawCentredString((LEFT + RIGHT) / 2, top(y), line)
        y += LEADING + (4 if i == 0 else 0)
    y += LEADING / 2
    hyphen_done = o.hyphenate is None
    for _ in range(o.repeat_body):
        for kind, text in o.body:
            if kind == "heading":
                need(LEADING)
                c.setFont(bold, SIZE)
                c.drawString(LEFT, top(y), text)
                y += LEADING
                continue
            indent = 28.0
            lines = _wrap(text, regular, RIGHT - LEFT, indent)
            if not hyphen_done and o.hyphenate in text:
                lines = _hyphenate(lines, o.hyphenate)
                hyphen_done = True
            for j, line in enumerate(lines):
                need(LEADING)
                c.setFont(regular, SIZE)
                c.drawString(LEFT + (indent if j == 0 else 0), top(y), line)
                y += LEADING
            y += 4
    need(LEADING * (len(SIGNATURE_RIGHT) + 2))
    y += LEADING
    for i in range(max(len(SIGNATURE_LEFT), len(SIGNATURE_RIGHT)) if o.signature else 0):
        if i < len(SIGNATURE_LEFT):
            c.setFont(bold if i == 0 else regular, SIZE - 1)
            c.drawString(LEFT, top(y), SIGNATURE_LEFT[i])
        if i < len(SIGNATURE_RIGHT):
            c.setFont(bold, SIZE)
            c.drawCentredString(420, top(y + (30 if i == len(SIGNATURE_RIGHT) - 1 else 0)),
                                SIGNATURE_RIGHT[i])
        y += LEADING
    c.showPage()
    c.save()
    return buf.getvalue()


def plain_pdf(lines_per_page: list[list[str]], serif: bool = False, size: float = SIZE) -> bytes:
    """Pages of left-aligned lines, nothing else."""
    from reportlab.pdfgen import canvas

    face = font_name(serif=serif)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    for lines in lines_per_page:
        c.setFont(face, size)
        for i, line in enumerate(lines):
            c.drawString(LEFT, PAGE_H - 150 - i * LEADING, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def rasterise(pdf: bytes, dpi: int = 300, page: int = 0, crop_to_text: bool = True):
    """Render one PDF page to a greyscale PIL image (as a scanner would)."""
    import pypdfium2 as pdfium
    from PIL import ImageOps

    doc = pdfium.PdfDocument(pdf)
    image = doc[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    if crop_to_text:                      # blank paper costs OCR time, not accuracy
        box = ImageOps.invert(image).getbbox()
        if box:
            margin = dpi // 4
            image = image.crop((max(box[0] - margin, 0), max(box[1] - margin, 0),
                                min(box[2] + margin, image.width), min(box[3] + margin, image.height)))
    return image


def image_only_pdf(image, dpi: int = 300) -> bytes:
    """A PDF holding nothing but the page image (a scan without a text layer)."""
    buf = io.BytesIO()
    image.save(buf, format="PDF", resolution=dpi)
    return buf.getvalue()


def image_bytes(image, fmt: str = "PNG", dpi: int = 300) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format=fmt, dpi=(dpi, dpi))
    return buf.getvalue()


def legacy_text(text: str, encoding: str) -> str:
    """Unicode → the Windows-1252 reading of TCVN3/VNI bytes, by inverting the shipped table."""
    import unicodedata

    from ingest.legacy_encoding import table

    inverse: dict[str, str] = {}
    for legacy, uni in table(encoding).mapping.items():
        if len(uni) == 1 and not unicodedata.combining(uni):
            inverse.setdefault(uni, legacy)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif encoding == "tcvn3" and ch.lower() in inverse and ch.isupper():
            out.append(inverse[ch.lower()])    # TCVN3 has no toned capitals: .VnTimeH draws them
        else:
            out.append(ch)
    return "".join(out)
