"""GX002 unreadable-input — 无法读取的文件

## 检查内容

文件无法读取：空文件、不支持的二进制文件、无法列出内容的文件夹、既不是 UTF-8/UTF-16 也不是 GB18030 的字节、
超过大小上限（默认 20 MB，可配置 `max-bytes`）的文件、或正则匹配超时的病态输入；
加密、损坏或截断的 .docx、PDF 和 OFD 版式文档，解压后过大的压缩包（压缩炸弹），缺页的 OFD，无法解析的网页。
旧版 Word 文档（.doc）、WPS 文字文档（.wps）、OpenDocument 文字文档（.odt）和 RTF 文档（.rtf）由 LibreOffice
转换后读取：本机没有安装 LibreOffice、LibreOffice 打不开文件或在时限内没有转换完时，说明原因和办法。
不是报告的文件按内容识别（不论文件名），说明是什么文件：电子表格（.xlsx、.xls、.ods、WPS 表格）、演示文稿、
图片和压缩包。

## 为什么

检查流水线不能因一个坏文件而中断；坏文件本身要明确报告，其余文件照常检查。

## 示例

（由引擎产生，没有文本示例。）

## 依据

gxlint 输入约定：UTF-8（可带 BOM）、带 BOM 的 UTF-16，GB18030 兜底。
"""

from gxlint.api import Rule, Severity


class UnreadableInput(Rule):
    code = "GX002"
    name = "unreadable-input"
    summary_en = "A file that cannot be read"
    family = "engine"
    severity = Severity.ERROR
    emitted_by_engine = True
    messages = {
        "binary": {
            "zh": "不是可读取的报告文件（像是二进制文件），未检查；支持 .txt、.md、.docx、.html、.pdf、.ofd，"
            "以及（经 LibreOffice 转换）.doc、.wps、.odt、.rtf",
            "en": "not a readable report (looks binary); not checked — .txt, .md, .docx, .html, .pdf and .ofd are "
            "read, and .doc, .wps, .odt and .rtf through LibreOffice",
        },
        "binary_at": {
            "zh": "第 {line} 行起是二进制数据或控制字符（如 NUL），文件可能已损坏或混入了其他文件，未检查",
            "en": "binary data or control characters (such as NUL) from line {line} on: the file may be damaged "
            "or have another file mixed in; not checked",
        },
        "undecodable": {
            "zh": "无法按 {encoding} 解码（第 {offset} 字节起），未检查；请另存为 UTF-8",
            "en": "cannot be decoded as {encoding} (from byte {offset}); not checked — save it as UTF-8",
        },
        "too_large": {
            "zh": "文件过大（{size}，上限 {limit}），未检查；可用配置 max-bytes 调整上限",
            "en": "file too large ({size}, limit {limit}); not checked — raise max-bytes to check it",
        },
        "empty": {
            "zh": "文件是空的（没有任何文字），未检查",
            "en": "the file is empty (no text at all); not checked",
        },
        "pdf": {
            "zh": "这是 PDF 文件，不是文本文件，未检查；请先把其中的文字转换为文本（.txt）",
            "en": "this is a PDF file, not a text file; not checked — convert its text to a .txt file first",
        },
        "unreadable_folder": {
            "zh": "无法读取文件夹（{error}），其中的文件未检查",
            "en": "cannot read this folder ({error}); the files in it were not checked",
        },
        "unreadable": {
            "zh": "无法读取文件：{error}",
            "en": "cannot read the file: {error}",
        },
        "timeout": {
            "zh": "文本的某处使匹配超时（{seconds} 秒），未检查；请检查是否有异常长的行或重复字符",
            "en": "matching timed out ({seconds} s) on this text; not checked — look for abnormally long runs",
        },
        # docx/html
        "encrypted_docx": {
            "zh": "Word 文档设有打开密码（已加密），无法读取，未检查；请取消密码后另存为 .docx",
            "en": "the Word document is password-protected (encrypted); not checked — remove the password and save as .docx",
        },
        "damaged_docx": {
            "zh": "Word 文档（.docx）已损坏或不完整（{reason}），未检查；请在 Word 或 WPS 中重新打开并另存",
            "en": "the Word document (.docx) is damaged or incomplete ({reason}); not checked — open and save it again",
        },
        "table_too_large": {
            "zh": "表格 {table} 过大（{size}，上限 {limit}），不像年度报告中的表格（文件可能是恶意构造的），未检查",
            "en": "table {table} is too large ({size}; limit {limit}): no annual report has such a table "
            "(a crafted file?); not checked",
        },
        "list_too_large": {
            "zh": "自动编号的值过大（{value}，上限 {limit}），不像年度报告中的列表（文件可能是恶意构造的），未检查",
            "en": "an automatic list number is too large ({value}; limit {limit}): no annual report has such a list "
            "(a crafted file?); not checked",
        },
        # the formats read through LibreOffice (gxlint.read.office)
        "needs_office": {
            "zh": "{kind}（{ext}），要由 LibreOffice 转换后读取，但本机没有安装 LibreOffice，未检查；请安装 LibreOffice"
            "（Debian/Ubuntu：sudo apt install libreoffice-writer；Windows、macOS：从 https://www.libreoffice.org/download/ "
            "下载安装，或设置环境变量 GXLINT_SOFFICE 为 soffice 的路径）后再检查",
            "en": "{kind_en} ({ext}) is read after LibreOffice converts it, and LibreOffice is not installed; not checked — "
            "install LibreOffice (Debian/Ubuntu: sudo apt install libreoffice-writer; Windows, macOS: "
            "https://www.libreoffice.org/download/, or set GXLINT_SOFFICE to the path of soffice) and check it again",
        },
        "office_failed": {
            "zh": "{kind}（{ext}），但 LibreOffice 无法打开它（{reason}），文件可能已损坏或设有密码，未检查；"
            "请在 Word 或 WPS 中打开并另存为 .docx 后再检查",
            "en": "{kind_en} ({ext}) that LibreOffice cannot open ({reason}): damaged or password-protected?; not checked "
            "— open it in Word or WPS and save it as .docx",
        },
        "office_timeout": {
            "zh": "{kind}（{ext}），LibreOffice 在 {seconds} 秒内没有转换完，已终止，未检查（文件可能已损坏或异常复杂）；"
            "请在 Word 或 WPS 中打开并另存为 .docx 后再检查",
            "en": "{kind_en} ({ext}) that LibreOffice did not convert within {seconds} s (stopped); not checked "
            "(damaged or abnormally complex?) — open it in Word or WPS and save it as .docx",
        },
        # ofd
        "damaged_ofd": {
            "zh": "OFD 版式文档已损坏或不完整（{reason}），未检查；请重新导出或重新获取文件",
            "en": "the OFD document is damaged or incomplete ({reason}); not checked — export or get the file again",
        },
        "encrypted_ofd": {
            "zh": "OFD 版式文档已加密，无法读取，未检查；请提供未加密的文件",
            "en": "the OFD document is encrypted and cannot be read; not checked — provide an unencrypted file",
        },
        "ofd_bomb": {
            "zh": "OFD 版式文档中的 {part} 解压后过大（疑似压缩炸弹），未检查",
            "en": "{part} inside the OFD document is too large when unpacked (a zip bomb?); not checked",
        },
        "ofd_missing_part": {
            "zh": "OFD 版式文档缺少{what}（{part}），文件不完整，未检查；请重新导出或重新获取文件",
            "en": "the OFD document lacks {what_en} ({part}): the file is incomplete; not checked — export or get it again",
        },
        "ofd_missing_page": {
            "zh": "OFD 版式文档的第 {page} 页缺失（文件中没有 {part}），未检查（以免把残缺的报告当作完整的检查）；"
            "请重新导出或重新获取文件",
            "en": "page {page} of the OFD document is missing ({part} is not in the file); not checked (a partial "
            "report is never checked as a whole one) — export or get the file again",
        },
        "ofd_too_many_pages": {
            "zh": "OFD 版式文档有 {pages} 页，超过上限 {limit} 页，不像一份年度报告，未检查",
            "en": "the OFD document has {pages} pages, more than the limit of {limit}: not an annual report; not checked",
        },
        "ofd_too_complex": {
            "zh": "OFD 版式文档内容异常复杂（{reason}），超出读取上限，可能已损坏或是恶意构造的文件，未检查",
            "en": "the OFD document is abnormally complex ({reason}), beyond the reader's limits: damaged or "
            "maliciously crafted?; not checked",
        },
        "scanned_ofd": {
            "zh": "OFD 版式文档没有文字（{pages} 页都只有图像，像是扫描件），未检查；请提供由文字处理软件导出的版式文件或原文档",
            "en": "the OFD document has no text (its {pages} page(s) are images only, as in a scan); not checked — "
            "provide a file exported from the word processor, or the source document",
        },
        "empty_ofd": {
            "zh": "OFD 版式文档的 {pages} 页上都没有文字，未检查",
            "en": "there is no text on the OFD document's {pages} page(s); not checked",
        },
        "ofd_unmapped_text": {
            "zh": "OFD 版式文档的文字无法提取（{share} 的字符只有字形编号，所用字体没有可用的编码映射），未检查；"
            "请从原文档重新导出（嵌入字体）或提供原文档",
            "en": "the OFD document's text cannot be extracted ({share} of its characters are glyph numbers whose "
            "fonts have no usable map); not checked — export it again from the source (with fonts embedded) "
            "or provide the source document",
        },
        "spreadsheet": {
            "zh": "这是 Excel 等电子表格（{ext}），不是报告文档，未检查；请提供报告全文：Word 文档（.docx）或可复制文字的 PDF",
            "en": "a spreadsheet ({ext}, Excel or the like), not a report document; not checked — provide the "
            "whole report: a Word document (.docx) or a PDF whose text can be copied",
        },
        "presentation": {
            "zh": "这是演示文稿（{ext}），不是报告文档，未检查；请提供报告全文：Word 文档（.docx）或可复制文字的 PDF",
            "en": "a presentation ({ext}), not a report document; not checked — provide the whole report: a Word "
            "document (.docx) or a PDF whose text can be copied",
        },
        "image": {
            "zh": "这是图片（{ext}），不是报告文档，未检查；请提供报告全文：Word 文档（.docx）或可复制文字的 PDF",
            "en": "an image ({ext}), not a report document; not checked — provide the whole report: a Word document "
            "(.docx) or a PDF whose text can be copied",
        },
        "archive": {
            "zh": "这是压缩包（{ext}），不是报告文档，未检查；请解压后检查其中的报告文件",
            "en": "an archive ({ext}), not a report document; not checked — unpack it and check the reports inside",
        },
        "not_docx": {
            "zh": "文件是{kind}，不是 Word 文档（.docx），未检查",
            "en": "the file is a zip archive ({kind}), not a Word document (.docx); not checked",
        },
        "zip_bomb": {
            "zh": "Word 文档中的 {part} 解压后过大（疑似压缩炸弹），未检查",
            "en": "{part} inside the Word document is too large when unpacked (a zip bomb?); not checked",
        },
        "docx_alt_chunk": {
            "zh": "Word 文档中嵌入了 {kind} 格式的内容（{part}，altChunk），无法读取，未检查（以免把残缺的报告当作完整的检查）；"
            "请在 Word 中打开并另存为 .docx",
            "en": "the Word document embeds {kind} content ({part}, an altChunk) that cannot be read; not checked "
            "(a partial report is never checked as a whole one) — open it in Word and save it as .docx",
        },
        "damaged_html": {
            "zh": "无法解析网页（{reason}），未检查",
            "en": "the web page cannot be parsed ({reason}); not checked",
        },
        "html_too_deep": {
            "zh": "网页元素嵌套超过 {limit} 层，解析器只能读到其中一部分，未检查（以免把残缺的报告当作完整的检查）",
            "en": "the page nests elements more than {limit} levels deep, so only part of it could be parsed; "
            "not checked (a partial report is never checked as a whole one)",
        },
        "pdf_unsupported": {
            "zh": "无法读取 PDF：缺少 PDF 读取组件（{error}），未检查；请重新安装 gxlint",
            "en": "cannot read PDF files: the PDF reader is missing ({error}); not checked — reinstall gxlint",
        },
        # pdf
        "scanned_pdf": {
            "zh": "PDF 没有文字层（{pages} 页都只有图像，像是扫描件），未检查；请提供由文字处理软件导出的 PDF 或原文档",
            "en": "the PDF has no text layer (its {pages} page(s) are images only, as in a scan); not checked — "
            "provide a PDF exported from the word processor, or the source document",
        },
        "empty_pdf": {
            "zh": "PDF 的 {pages} 页上都没有文字，未检查",
            "en": "there is no text on the PDF's {pages} page(s); not checked",
        },
        "encrypted_pdf": {
            "zh": "PDF 已加密，需要密码才能打开，未检查；请提供未加密的文件",
            "en": "the PDF is encrypted and needs a password to open; not checked — provide an unencrypted file",
        },
        "truncated_pdf": {
            "zh": "PDF 文件不完整（缺少文件结尾，可能下载或复制时中断），未检查；请重新获取完整文件",
            "en": "the PDF is incomplete (its end is missing: an interrupted download or copy?); not checked — "
            "get the complete file again",
        },
        "damaged_pdf": {
            "zh": "PDF 文件已损坏，文件结构无法解析，未检查；请重新导出或重新获取文件",
            "en": "the PDF is damaged: its structure cannot be parsed; not checked — export or get the file again",
        },
        "damaged_pdf_page": {
            "zh": "PDF 第 {page} 页已损坏，无法读取，未检查；请重新导出或重新获取文件",
            "en": "page {page} of the PDF is damaged and cannot be read; not checked — export or get the file again",
        },
        "not_pdf": {
            "zh": "文件名是 PDF，但内容不是 PDF（没有 PDF 文件头），未检查",
            "en": "named as a PDF but the content is not one (no PDF header); not checked",
        },
        "pdf_too_many_pages": {
            "zh": "PDF 有 {pages} 页，超过上限 {limit} 页，不像一份年度报告，未检查",
            "en": "the PDF has {pages} pages, more than the limit of {limit}: not an annual report; not checked",
        },
        "pdf_inflate_bomb": {
            "zh": "PDF 中有数据解压后超过 {limit}（异常，可能是恶意构造的“压缩炸弹”），未检查",
            "en": "data in the PDF inflates past {limit} (abnormal: a decompression bomb?); not checked",
        },
        "pdf_too_complex": {
            "zh": "PDF 内容异常复杂（图形或文字对象多到超出读取上限），可能已损坏或是恶意构造的文件，未检查",
            "en": "the PDF is abnormally complex (more drawing or text objects than the reader's limits): "
            "damaged or maliciously crafted?; not checked",
        },
        "pdf_unmapped_text": {
            "zh": "PDF 的文字无法提取（{share} 的字符所用字体没有 Unicode 编码映射），未检查；请从原文档重新导出 PDF（嵌入字体）或提供原文档",
            "en": "the PDF's text cannot be extracted ({share} of its characters use fonts without a Unicode map); "
            "not checked — export the PDF again from the source document, or provide that document",
        },
        "correct": {
            "zh": "请重新报送可读取的报告文件：Word 文档（.docx），或由 Word、WPS 直接导出、可复制文字的 PDF。",
            "en": "Send the report again in a readable form: a Word document (.docx) or a PDF exported from Word or WPS whose text can be copied.",
        },
        "correct.binary": {
            "zh": "请报送报告的文字版本：Word 文档（.docx）、可复制文字的 PDF 或网页。",
            "en": "Send the report's text: a Word document (.docx), a PDF whose text can be copied, or the web page.",
        },
        "correct.binary_at": {
            "zh": "请从原文档重新导出或另存报告后重新报送。",
            "en": "Export or save the report again from its source and send it again.",
        },
        "correct.undecodable": {
            "zh": "请把文件另存为 UTF-8 编码后重新报送，或报送 Word 文档。",
            "en": "Save the file as UTF-8 (or send the Word document) and send it again.",
        },
        "correct.too_large": {
            "zh": "请确认报送的是年度报告本身（不含附件和大图），只报送报告正文。",
            "en": "Make sure the file is the annual report itself (no attachments or large images) and send it again.",
        },
        "correct.empty": {
            "zh": "请重新报送包含报告全文的文件。",
            "en": "Send a file that holds the whole report.",
        },
        "correct.pdf": {
            "zh": "请重新报送可复制文字的版本（Word 文档或由 Word、WPS 导出的 PDF）。",
            "en": "Send a version whose text can be copied (the Word document or a PDF exported from Word or WPS).",
        },
        "correct.unreadable_folder": {
            "zh": "这是审查方读取文件夹的问题（如权限），与报告内容无关；请检查文件夹的访问权限。",
            "en": "A problem of reading the folder (e.g. its permissions), not of a report: check the folder's permissions.",
        },
        "correct.unreadable": {
            "zh": "请从原文档重新导出或另存报告后重新报送。",
            "en": "Export or save the report again from its source and send it again.",
        },
        "correct.timeout": {
            "zh": "请检查报告中是否有异常长的行或大量重复的字符，改正后重新报送。",
            "en": "Look for an unusually long line or a long run of one character, correct it and send the report again.",
        },
        "correct.needs_office": {
            "zh": "这是审查方的软件安装问题（缺少 LibreOffice），不是报告的问题，报告无需为此修改。",
            "en": "A problem of the reviewer's installation (LibreOffice is missing), not of the report: nothing to correct.",
        },
        "correct.office_failed": {
            "zh": "请在 Word 或 WPS 中打开报告（如设有密码请取消），另存为 .docx 后重新报送。",
            "en": "Open the report in Word or WPS (remove any password), save it as .docx and send it again.",
        },
        "correct.office_timeout": {
            "zh": "请在 Word 或 WPS 中打开报告，另存为 .docx 后重新报送。",
            "en": "Open the report in Word or WPS, save it as .docx and send it again.",
        },
        "correct.damaged_ofd": {
            "zh": "请重新导出 OFD 版式文档（或报送 Word 文档、PDF）后重新报送。",
            "en": "Export the OFD document again (or send the Word document or a PDF) and send it again.",
        },
        "correct.encrypted_ofd": {
            "zh": "请提供未加密的 OFD 版式文档，或报送 Word 文档、PDF。",
            "en": "Send the OFD document unencrypted, or send the Word document or a PDF.",
        },
        "correct.ofd_bomb": {
            "zh": "请从原文档重新导出 OFD 版式文档后重新报送。",
            "en": "Export the OFD document again from its source and send it again.",
        },
        "correct.ofd_missing_part": {
            "zh": "请重新导出 OFD 版式文档（文件不完整）后重新报送。",
            "en": "Export the OFD document again (the file is incomplete) and send it again.",
        },
        "correct.ofd_missing_page": {
            "zh": "请重新导出 OFD 版式文档（第 {page} 页缺失）后重新报送。",
            "en": "Export the OFD document again (page {page} is missing) and send it again.",
        },
        "correct.ofd_too_many_pages": {
            "zh": "请确认报送的是年度报告本身，只报送报告正文。",
            "en": "Make sure the file is the annual report itself and send only the report.",
        },
        "correct.ofd_too_complex": {
            "zh": "请从原文档重新导出 OFD 版式文档后重新报送。",
            "en": "Export the OFD document again from its source and send it again.",
        },
        "correct.scanned_ofd": {
            "zh": "请重新报送可复制文字的版本：由文字处理软件导出的版式文件或 PDF，或 Word 文档（不要扫描件）。",
            "en": "Send a version whose text can be copied: a file exported from the word processor, or the Word document (not a scan).",
        },
        "correct.empty_ofd": {
            "zh": "请重新报送包含报告全文的文件。",
            "en": "Send a file that holds the whole report.",
        },
        "correct.ofd_unmapped_text": {
            "zh": "请从原文档重新导出 OFD 版式文档（嵌入字体），或报送 Word 文档。",
            "en": "Export the OFD document again from its source (with fonts embedded), or send the Word document.",
        },
        "correct.spreadsheet": {
            "zh": "请报送年度报告全文（Word 文档或可复制文字的 PDF），不要只报送统计表。",
            "en": "Send the whole annual report (a Word document or a PDF whose text can be copied), not only its tables.",
        },
        "correct.presentation": {
            "zh": "请报送年度报告全文（Word 文档或可复制文字的 PDF）。",
            "en": "Send the whole annual report (a Word document or a PDF whose text can be copied).",
        },
        "correct.encrypted_docx": {
            "zh": "请取消文档的打开密码，另存为 .docx 后重新报送。",
            "en": "Remove the document's password, save it as .docx and send it again.",
        },
        "correct.damaged_docx": {
            "zh": "请在 Word 或 WPS 中打开报告，另存为新的 .docx 后重新报送。",
            "en": "Open the report in Word or WPS, save it as a new .docx and send it again.",
        },
        "correct.table_too_large": {
            "zh": "请从原文档重新导出报告（检查{table}是否正常）后重新报送。",
            "en": "Export the report again from its source (check {table}) and send it again.",
        },
        "correct.list_too_large": {
            "zh": "请检查报告的自动编号，另存为新的 .docx 后重新报送。",
            "en": "Check the report's automatic numbering, save it as a new .docx and send it again.",
        },
        "correct.image": {
            "zh": "请报送年度报告全文（Word 文档或可复制文字的 PDF），不要只报送图片。",
            "en": "Send the whole annual report (a Word document or a PDF whose text can be copied), not an image.",
        },
        "correct.archive": {
            "zh": "请直接报送年度报告文件（Word 文档或可复制文字的 PDF），不要压缩。",
            "en": "Send the annual report file itself (a Word document or a PDF whose text can be copied), not an archive.",
        },
        "correct.not_docx": {
            "zh": "请把报告另存为 Word 文档（.docx）后重新报送。",
            "en": "Save the report as a Word document (.docx) and send it again.",
        },
        "correct.zip_bomb": {
            "zh": "请在 Word 或 WPS 中打开报告，另存为新的 .docx 后重新报送。",
            "en": "Open the report in Word or WPS, save it as a new .docx and send it again.",
        },
        "correct.docx_alt_chunk": {
            "zh": "请在 Word 中打开报告并另存为 .docx（使嵌入的内容成为正文）后重新报送。",
            "en": "Open the report in Word and save it as .docx (so that the embedded content becomes part of the text), then send it again.",
        },
        "correct.damaged_html": {
            "zh": "请重新保存网页，或报送报告的 Word 文档。",
            "en": "Save the web page again, or send the report's Word document.",
        },
        "correct.html_too_deep": {
            "zh": "请重新保存网页，或报送报告的 Word 文档。",
            "en": "Save the web page again, or send the report's Word document.",
        },
        "correct.pdf_unsupported": {
            "zh": "这是审查方的软件安装问题，不是报告的问题，报告无需为此修改。",
            "en": "A problem of the reviewer's installation, not of the report: nothing to correct.",
        },
        "correct.scanned_pdf": {
            "zh": "请重新报送可复制文字的版本：由 Word、WPS 直接导出的 PDF，或 Word 文档（不要扫描件或图片）。",
            "en": "Send a version whose text can be copied: a PDF exported from Word or WPS, or the Word document (not a scan or images).",
        },
        "correct.empty_pdf": {
            "zh": "请重新报送可复制文字的版本：由 Word、WPS 直接导出的 PDF，或 Word 文档。",
            "en": "Send a version whose text can be copied: a PDF exported from Word or WPS, or the Word document.",
        },
        "correct.encrypted_pdf": {
            "zh": "请取消 PDF 的密码后重新报送。",
            "en": "Remove the PDF's password and send it again.",
        },
        "correct.truncated_pdf": {
            "zh": "请重新导出 PDF（或重新复制完整的文件）后重新报送。",
            "en": "Export the PDF again (or copy the whole file again) and send it again.",
        },
        "correct.damaged_pdf": {
            "zh": "请从原文档重新导出 PDF 后重新报送。",
            "en": "Export the PDF again from its source and send it again.",
        },
        "correct.damaged_pdf_page": {
            "zh": "请从原文档重新导出 PDF（第 {page} 页无法读取）后重新报送。",
            "en": "Export the PDF again from its source (page {page} cannot be read) and send it again.",
        },
        "correct.not_pdf": {
            "zh": "请报送真正的 PDF 文件，或按文件的实际格式命名后重新报送。",
            "en": "Send a real PDF, or name the file for what it is, and send it again.",
        },
        "correct.pdf_too_many_pages": {
            "zh": "请确认报送的是年度报告本身，只报送报告正文。",
            "en": "Make sure the file is the annual report itself and send only the report.",
        },
        "correct.pdf_inflate_bomb": {
            "zh": "请从原文档重新导出 PDF 后重新报送。",
            "en": "Export the PDF again from its source and send it again.",
        },
        "correct.pdf_too_complex": {
            "zh": "请从原文档重新导出 PDF 后重新报送。",
            "en": "Export the PDF again from its source and send it again.",
        },
        "correct.pdf_unmapped_text": {
            "zh": "请从原文档重新导出 PDF（嵌入字体），或报送 Word 文档。",
            "en": "Export the PDF again from its source (with fonts embedded), or send the Word document.",
        },
    }
