"""GX002 unreadable-input — 无法读取的文件

## 检查内容

文件无法作为文本读取：空文件、二进制文件（如 PDF、Word、图片）、无法列出内容的文件夹、既不是 UTF-8/UTF-16 也不是 GB18030 的字节、
超过大小上限（默认 20 MB，可配置 `max-bytes`）的文件、或正则匹配超时的病态输入。

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
    family = "engine"
    severity = Severity.ERROR
    emitted_by_engine = True
    messages = {
        "binary": {
            "zh": "不是文本文件（像是二进制文件，如 PDF、Word 或图片），未检查；请先转换为文本",
            "en": "not a text file (looks binary: PDF, Word or an image?); not checked — convert it to text first",
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
    }
