"""The Telegram-HTML check refuses what Telegram refuses, before a mailing goes out."""
from __future__ import annotations

import pytest

from actors.mailing.html import CAPTION_LIMIT, HtmlError, check_html

GOOD = [
    "plain text",
    "<b>bold</b> <strong>strong</strong> <i>i</i> <em>em</em> <u>u</u> <ins>ins</ins> <s>s</s> <del>d</del>",
    "<tg-spoiler>secret</tg-spoiler> and <span class=\"tg-spoiler\">also</span>",
    "<a href=\"https://example.org/?a=1&amp;b=2\">link <b>bold inside</b></a>",
    "<b>bold <a href='tg://user?id=1'>link in bold</a></b>",
    "<code>x &lt; y &amp;&amp; y &gt; z</code>",
    "<pre><code class=\"language-python\">print(1 &lt; 2)</code></pre>",
    "<blockquote>quote <i>it</i></blockquote> <blockquote expandable>long</blockquote>",
    "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>",
    "a > b is fine, &#169; &#x1F600; &quot;quoted&quot;",
    "<B>upper-case tags</B>",
]
BAD = [
    ("a < b", "bare '<'"),
    ("Tom & Jerry", "bare '&'"),
    ("&nbsp;", "bare '&'"),
    ("<div>block</div>", "<div> is not a tag"),
    ("<b>open", "<b> is never closed"),
    ("<b><i>crossed</b></i>", "</b> does not match"),
    ("closing</b>", "</b> does not match"),
    ("<a>no href</a>", "needs href"),
    ("<a href=\"javascript:alert(1)\">x</a>", "needs href"),
    ("<span>plain span</span>", "tg-spoiler"),
    ("<code><b>bold in code</b></code>", "cannot be inside <code>"),
    ("<a href=\"https://a.org\"><a href=\"https://b.org\">x</a></a>", "cannot be inside <a>"),
    ("<a href=\"https://a.org\"><code>x</code></a>", "cannot be inside <a>"),
    ("<blockquote><blockquote>x</blockquote></blockquote>", "blockquote"),
    ("<tg-emoji emoji-id=\"x\">👍</tg-emoji>", "numeric emoji-id"),
    ("<b> </b>", "no visible text"),
    ("&#0;", "bare '&'"),
]


@pytest.mark.parametrize("html", GOOD)
def test_what_telegram_accepts_passes(html):
    assert check_html(html).html == html


@pytest.mark.parametrize(("html", "problem"), BAD)
def test_what_telegram_refuses_is_explained(html, problem):
    with pytest.raises(HtmlError, match=problem.replace("(", r"\(").replace("<", "<")):
        check_html(html)


def test_errors_say_where_the_problem_is():
    with pytest.raises(HtmlError, match=r"line 2, column 7: a bare '<'"):
        check_html("<b>ok</b>\nhello < world")


def test_the_visible_text_is_what_counts_toward_the_limit():
    checked = check_html("<b>" + "я" * 4096 + "</b>")
    assert checked.length == 4096 and checked.plain == "я" * 4096
    with pytest.raises(HtmlError, match="4097 characters long"):
        check_html("a" * 4097)
    with pytest.raises(HtmlError, match="Telegram allows 1024"):
        check_html("a" * 1025, limit=CAPTION_LIMIT)


def test_lengths_are_utf16_units_like_telegram():
    assert check_html("😀").length == 2
    with pytest.raises(HtmlError):
        check_html("😀" * 2049)


def test_entities_are_decoded_in_the_visible_text():
    assert check_html("&lt;b&gt; &amp; &quot;x&quot; &#65;").plain == "<b> & \"x\" A"
