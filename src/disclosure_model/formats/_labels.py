"""One label normaliser for everything that reads the labels of a published form.

Real pages print the official labels with spaces and line breaks inside them (``本年新
制作数量``, ``商业 企业``), full- or half-width brackets and quotes, ``、``/``，``/``.``
after a number, traditional characters (on mirror sites), and look-alike code points that
Unicode normalisation does not fold (the Kangxi radical ``⺠`` for ``民``).
:func:`normalise_label` maps all of these to one key, so a label is compared with the
declared label and its variants in exactly one way.

>>> normalise_label(" （三）不予 公开 ")
'(三)不予公开'
>>> normalise_label("3、危及\\"三安全一稳定\\"") == normalise_label("3.危及“三安全一稳定”")
True
>>> normalise_label("⼈⺠政府")
'人民政府'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold_characters", "normalise_label", "strip_numbering"]

# Kangxi radicals (U+2F00–U+2FD5) fold under NFKC, but the CJK radicals supplement
# (U+2E80–U+2EF3) does not: these are the supplement's look-alikes seen in published pages
# (PDF text layers and Word pastes), each with the character it stands for.
_RADICAL_LOOKALIKES = {
    "⺠": "民",
    "⻓": "长",
    "⻔": "门",
    "⻅": "见",
    "⻋": "车",
    "⻛": "风",
    "⻉": "贝",
    "⻚": "页",
    "⻜": "飞",
    "⻢": "马",
    "⻥": "鱼",
    "⻦": "鸟",
    "⻩": "黄",
    "⻘": "青",
    "⻝": "食",
    "⻬": "齐",
    "⻮": "齿",
    "⻯": "龙",
    "⻳": "龟",
    "⺟": "母",
    "⺢": "水",
    "⺮": "竹",
    "⺶": "羊",
    "⻰": "龙",
    "⻄": "西",
    "⻆": "角",
    "⻤": "鬼",
    "⻨": "麦",
    "⺁": "厂",
    "⺇": "几",
    "⺈": "刀",
    "⺊": "卜",
    "⺌": "小",
    "⺍": "小",
    "⺕": "彐",
    "⺗": "心",
    "⺜": "日",
    "⺝": "月",
    "⺡": "水",
    "⺣": "火",
    "⺩": "王",
    "⺪": "疋",
    "⺫": "目",
    "⺬": "示",
    "⺯": "糸",
    "⺰": "纟",
    "⺳": "网",
    "⺷": "羊",
    "⺸": "羊",
    "⺻": "聿",
    "⺼": "肉",
    "⺾": "艹",
    "⻁": "虎",
    "⻂": "衣",
    "⻃": "西",
    "⻇": "角",
    "⻈": "讠",
    "⻊": "足",
    "⻌": "辶",
    "⻍": "辶",
    "⻏": "阝",
    "⻖": "阝",
    "⻗": "雨",
    "⻙": "韦",
    "⻞": "饣",
    "⻟": "食",
    "⻠": "饣",
    "⻣": "骨",
}

# Traditional forms of the characters the official labels use, for pages served by
# mirror sites in traditional script. Only characters of the forms' own labels and
# headings are listed: the normaliser folds labels, not running text.
_TRADITIONAL = str.maketrans(
    "總體況動開資訊處請數結轉應務復議訴訟問題進報項規範製發廢現許罰強費額萬採購業機構會織關國與險穩護權內類過執詢補確訪舉複專據獲繳納當達經維糾審計說從員網傳時屬於辦門縣區鎮鄉為條別級並將對徑聯導術證標誌號見負責稱實質統",
    "总体况动开资讯处请数结转应务复议诉讼问题进报项规范制发废现许罚强费额万采购业机构会织关国与险稳护权内类过执询补确访举复专据获缴纳当达经维纠审计说从员网传时属于办门县区镇乡为条别级并将对径联导术证标志号见负责称实质统",
)

_FOLD: dict[int, str | int | None] = {}
_FOLD.update({ord(k): v for k, v in _RADICAL_LOOKALIKES.items()})
_FOLD.update(_TRADITIONAL)

# After NFKC: brackets are ASCII, but quotes, dashes and list separators still vary.
_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "‘": '"',
        "’": '"',
        "'": '"',
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "〈": "<",
        "〉": ">",
        "《": "<",
        "》": ">",
        "—": "-",
        "–": "-",
        "－": "-",
        "‐": "-",
        "〇": "〇",
        "；": ";",
        "、": ",",
        "：": ":",
        "，": ",",
        "。": ".",
        "﹒": ".",
        "．": ".",
    }
)
_SPACE = re.compile(r"\s+")
# A number or numeral at the start, followed by 、，. or a space: "1、" "1，" "1 " → "1."
_LEAD = re.compile(r"\A(?:([0-9]{1,2})[、,.]?(?=\D)|([一二三四五六七八九十]{1,3})[、,.])")
_LEAD_BRACKET = re.compile(r"\A\(([一二三四五六七八九十]{1,3})\)[、,.]?")
# Any numbering in front of a label: 一、 （三） 1. 1、 ⑴ — for comparisons that ignore it.
_ANY_NUMBERING = re.compile(
    r"\A(?:\([一二三四五六七八九十]{1,3}\)[、,.]?|[一二三四五六七八九十]{1,3}[、,.]"
    r"|\(?[0-9]{1,2}\)?[、,.]?|[⑴-⒇①-⑳])"
)


def fold_characters(text: str) -> str:
    """NFKC plus the look-alike and traditional characters NFKC leaves as they are."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


@lru_cache(maxsize=8192)
def normalise_label(text: str) -> str:
    """The comparison key of a printed label: folded characters, no white space, ASCII
    brackets and quotes, one separator after the numbering (``1.``, ``一、``→``一.``)."""
    key = _SPACE.sub("", fold_characters(text)).translate(_QUOTES)
    bracket = _LEAD_BRACKET.match(key)
    if bracket:
        return f"({bracket.group(1)})" + key[bracket.end() :]
    lead = _LEAD.match(key)
    if lead:
        return f"{lead.group(1) or lead.group(2)}." + key[lead.end() :]
    return key


def strip_numbering(key: str) -> str:
    """A normalised label without its numbering (``(三)不予公开`` → ``不予公开``)."""
    return _ANY_NUMBERING.sub("", key, count=1)
