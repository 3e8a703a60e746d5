"""The page's own date markup, read by htmldate, with site chrome left out."""

import datetime as dt

from newsevents.pipeline.page_date import page_published_date
from newsevents.pipeline.readers import read_html

BODY = "<p>" + "Gunmen attacked a police post in the north, killing four officers. " * 5 + "</p>"


def page(head: str = "", article_top: str = "", after: str = "") -> str:
    return (
        f"<html><head><title>Post attacked</title>{head}</head><body><article>"
        f"<h1>Post attacked</h1>{article_top}{BODY}</article>{after}</body></html>"
    )


def test_dates_stated_in_markup_are_read() -> None:
    json_ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        '"NewsArticle", "datePublished": "2023-05-04T10:00:00Z"}</script>'
    )
    assert page_published_date(page(head=json_ld)) == dt.date(2023, 5, 4)
    meta = '<meta property="article:published_time" content="2021-03-09T08:00:00+05:00">'
    assert page_published_date(page(head=meta)) == dt.date(2021, 3, 9)
    time = '<time datetime="2022-11-02T08:00:00+03:00" class="published">2 Nov 2022</time>'
    assert page_published_date(page(article_top=time)) == dt.date(2022, 11, 2)
    byline = '<p class="byline">By A. Writer | 4 May 2023</p>'
    assert page_published_date(page(article_top=byline)) == dt.date(2023, 5, 4)


def test_dates_in_site_chrome_are_not_the_publication_date() -> None:
    footer = "<footer>(c) 2019 Sample News. Related: <a href='/x'>Story</a> 12 March 2018</footer>"
    related = (
        '<div class="td-related-posts"><a href="/x">Older story</a> '
        '<span class="date">12 March 2018</span></div>'
    )
    trending = '<div id="trending_now"><span>5 January 2017</span></div>'
    for chrome in (footer, related, trending):
        assert page_published_date(page(after=chrome)) is None, chrome
    # The article's own date still wins next to chrome.
    meta = '<meta property="article:published_time" content="2021-03-09">'
    assert page_published_date(page(head=meta, after=footer)) == dt.date(2021, 3, 9)


def test_the_html_reader_takes_the_markup_date_and_nothing_from_chrome() -> None:
    footer = "<footer>Related: <a href='/x'>Story</a> 12 March 2018</footer>"
    read = read_html("page.html", page(after=footer))
    assert read.meta.published_date is None  # type: ignore[union-attr]
    assert page_published_date("") is None
    assert page_published_date("\x00\x01 not html") is None


def test_an_element_that_is_a_date_line_dates_the_page() -> None:
    # A CMS's posted-on line: no <time>, no meta tag, no date in its class.
    posted = (
        '<div class="entry-meta"><span class="byline">By A. Writer</span>'
        '<span class="posted-on">Published 06:15 GMT, 2 March 2021 | Updated 11:40 GMT, '
        "3 March 2021</span></div>"
    )
    assert page_published_date(page(article_top=posted)) == dt.date(2021, 3, 2)
    # Only an update stated: that day.
    updated = '<div class="meta"><span>Last updated: 5 April 2022</span></div>'
    assert page_published_date(page(article_top=updated)) == dt.date(2022, 4, 5)
    # A sentence with a date in it is no date line.
    said = "<p>Officials said on 2 March 2021 that the post was attacked.</p>"
    assert page_published_date(page(article_top=said)) is None


def test_a_live_blogs_entry_times_in_time_elements_stay_in_the_text() -> None:
    # trafilatura drops <time> elements whole; the entries' clock times date them.
    entries = (
        "<h3><time>21:30</time> Health ministry raises toll</h3>" + BODY
        + "<h3><time>19:05</time> Truce takes effect</h3>" + BODY
    )  # fmt: skip
    read = read_html("blog.html", page(article_top=entries))
    lines = read.text.split("\n")  # type: ignore[union-attr]
    assert "21:30 Health ministry raises toll" in lines
    assert "19:05 Truce takes effect" in lines


def test_a_live_blogs_entry_times_and_day_headings_in_classed_elements_stay_in_the_text() -> None:
    # trafilatura drops short elements classed as time stamps or headings by their class.
    entries = (
        '<div class="day-heading">Sunday 28 July 2024</div>'
        '<p class="timestamp">19.30 BST</p>' + BODY
        + '<p class="timestamp">15.05 BST</p>' + BODY
    )  # fmt: skip
    lines = read_html("blog.html", page(article_top=entries)).text.split("\n")  # type: ignore[union-attr]
    assert {"Sunday 28 July 2024", "19.30 BST", "15.05 BST"} <= set(lines)


def test_an_articles_one_date_element_is_left_to_trafilatura() -> None:
    dated = '<p class="timestamp">19.30 BST</p>' + BODY
    lines = read_html("story.html", page(article_top=dated)).text.split("\n")  # type: ignore[union-attr]
    assert "19.30 BST" not in lines


def test_a_live_blogs_entry_times_in_spans_of_their_own_stay_in_the_text() -> None:
    entries = (
        '<div class="divider">Monday, June 24</div>'
        '<div class="card"><span class="card__timestamp">08:55 GMT</span>' + BODY + "</div>"
        '<div class="card"><span class="card__timestamp">07:20 GMT</span>' + BODY + "</div>"
    )  # fmt: skip
    lines = read_html("blog.html", page(article_top=entries)).text.split("\n")  # type: ignore[union-attr]
    assert {"Monday, June 24", "08:55 GMT", "07:20 GMT"} <= set(lines)
