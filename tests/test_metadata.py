"""Metadata from the lines moved out of a page: data cases, dates, names, and pages end to end."""
from __future__ import annotations

import tomllib

import pytest

import corpuskit
from corpuskit.rules import ruleset
from corpuskit.stages.metadata import as_written, extract, page_year, split_names
from conftest import CASES

CASES_META = tomllib.loads((CASES / "residue" / "metadata.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", CASES_META, ids=lambda c: c["texts"][0][1][:14])
def test_metadata_case(case):
    texts = [tuple(t) if len(t) == 2 else (t[0], t[0]) for t in case["texts"]]
    page = case.get("page", "") + "\n".join(t for _r, t in texts)
    meta = extract(texts, ruleset("zh"), page)
    for who in case.get("authors", []):
        assert who in meta["authors"], meta
    for who in case.get("editors", []):
        assert who in meta["editors"], meta
    if "source" in case:
        assert meta["source"] == case["source"], meta
    if "published" in case:
        assert (meta["published"] or "") == case["published"] or (
            case["published"] and (meta["published"] or "").startswith(case["published"])), meta
    if "dateline" in case:
        assert meta["dateline"] == case["dateline"], meta


def test_role_words_are_not_names():
    rs = ruleset("zh")
    assert split_names("记者 张三 实习生 李四 通讯员 王五", rs) == ["张三", "李四", "王五"]
    assert split_names("文/赵六", rs) == ["赵六"]
    assert split_names("陳大文　攝影：李小明", rs) == ["陳大文", "李小明"]
    assert split_names("林某某 实习生 陈某某 发自深圳", rs) == ["林某某", "陈某某"]  # where it was filed from


def test_outlet_reporter_after_key_is_no_name():
    """采写：南都记者 X: the outlet before 记者 is the reporter's title, no writer; 发自X is a place."""
    rs = ruleset("zh")
    for line in ("采写：南都记者 林某某 实习生 陈某某", "南都记者 林某某 实习生 陈某某 发自深圳"):
        assert extract([("byline", line)], rs, line)["authors"] == ["林某某", "陈某某"]


def test_outlet_before_writer_is_source():
    """文｜某某周刊 张某某: the outlet named by its own word before the writer's name, with no 记者,
    is the source, no writer; a bare name stays the writer."""
    rs = ruleset("zh")
    for line, names, source in (("文｜某某周刊 张某某", ["张某某"], "某某周刊"),
                                ("文/南方周末 李某 王某某", ["李某", "王某某"], "南方周末"),
                                ("作者：某某日报 张某", ["张某"], "某某日报"),
                                ("文｜张某某", ["张某某"], None)):
        meta = extract([("byline", line)], rs, line)
        assert (meta["authors"], meta["source"]) == (names, source), line


def test_compiler_key_gives_the_writer():
    """整理：X, 文字实录整理：X, 编译：X: the compiler is the writer of record; 实录 is no name."""
    rs = ruleset("zh")
    for line in ("整理：李某", "文字实录整理：李某", "编译：李某"):
        assert extract([("byline", line)], rs, line)["authors"] == ["李某"], line


def test_news_desks_are_not_names():
    rs = ruleset("zh")
    for desk in ("即時新聞", "即时新闻", "國際新聞中心", "国际新闻中心"):
        assert split_names(desk, rs) == [], desk
    assert split_names("記者 陳大文", rs) == ["陳大文"]


def test_offices_are_not_names():
    """作者：宣传部 on a school's or an office's page: a unit, no writer; a person's name with one
    of those characters stays."""
    rs = ruleset("zh")
    for office in ("宣传部", "党委宣传部", "校长办公室", "區議會辦公室", "县融媒体中心"):
        assert split_names(office, rs) == [], office
    assert split_names("李科 王部", rs) == ["李科", "王部"]
    line = "作者：宣传部 来源：党委宣传部 发布时间：2023-06-28 点击数：3562"
    assert extract([("published", line)], rs, line)["authors"] == []


def test_empty_template_fields_are_not_names():
    """A template's fields left empty read label after label (作者： 发表时间：…): a field's
    label is no one's name."""
    rs = ruleset("zh")
    for label in ("发表时间", "發布時間", "时间", "日期", "来源", "審核"):
        assert split_names(label, rs) == [], label
    meta = extract([("source", "来源： 作者： 发表时间：04-12 23:31")], rs, "")
    assert meta["authors"] == [], meta
    meta = extract([("source", "来源：某某日报 作者：王小明 发表时间：2021-04-12 23:31")], rs, "")
    assert meta["authors"] == ["王小明"], meta


def test_a_label_after_the_name_is_no_name():
    """A name stops at the next field's label, a known credit key or not (作者：X 语音阅读：)."""
    rs = ruleset("zh")
    meta = extract([("published", "刊发日期：2011-12-23 阅读次数：作者：王小明 语音阅读：")], rs, "")
    assert meta["authors"] == ["王小明"], meta
    meta = extract([("byline", "全媒体记者孙某某 钱某报道：")], rs, "")
    assert meta["authors"] == ["孙某某", "钱某"], meta


def test_year_of_a_page():
    assert page_year("2019-01-02\n2020-11-10\n2020-11-11") == 2020
    assert page_year("no dates here") is None
    # a date in the month asked for counts first
    assert page_year("2021-03-01\n2021-04-01\n2020-12-30", month=12) == 2020


def test_pages_end_to_end_fill_meta_and_keep_names_as_written():
    page = ("首页 > 新闻\n\n城市公园改造完成\n\n2022年5月3日 09:15　来源：某某日报\n\n"
            "本报讯（记者 刘洋）经过半年施工，城市公园改造完成，今天起重新向市民开放，园内新增了步道和座椅。\n\n"
            "附近居民表示，改造后的公园环境更好了，每天都会来散步锻炼。\n\n责任编辑：陳小明\n")
    doc = corpuskit.clean(page)
    assert doc.meta["published"] == "2022-05-03T09:15"
    assert doc.meta["source"] == "某某日报"
    assert doc.meta["authors"] == ["刘洋"] and doc.meta["editors"] == ["陳小明"]
    assert "本报讯" not in doc.text and doc.text.split("\n\n")[1].startswith("经过半年施工")
    rec = doc.to_record(explain=True)
    edited = [d for d in rec["lines"] if d.get("edits")]
    assert edited and edited[0]["edits"] == ["dateline"]


def test_metadata_off_leaves_empty_fields():
    cfg = corpuskit.Config.defaults().with_options(**{"metadata.enabled": False})
    doc = corpuskit.clean("标题\n\n2022年5月3日 09:15\n\n正文写得足够长，说明了事情的经过，也有各方的看法。\n", cfg)
    assert doc.meta["published"] is None and doc.meta["authors"] == []


def test_unreadable_dates_are_not_invented():
    meta = extract([("published", "2022年13月45日 99:99")], ruleset("zh"), "")
    assert meta["published"] is None


def test_place_between_name_and_date_is_no_name():
    """（X社記者NAME PLACE 10日電）: the place goes to the dateline, the name once to authors."""
    for line, name, place in [("（東方社記者林大同新竹10日電）", "林大同", "新竹"),
                              ("（某某网记者王明上海3日电）", "王明", "上海"),
                              ("（某某社記者陳小明、李大華台北5日電）", None, "台北")]:
        meta = extract([("dateline", line)], ruleset("zh"), "2024-05-10")
        assert meta["dateline"] == place, meta
        if name:
            assert meta["authors"] == [name], meta
        else:
            assert meta["authors"] == ["陳小明", "李大華"], meta


def test_outlet_before_reporter_role_is_no_name():
    """某某报记者 X, 南都见习记者 X: the outlet and the role go, the name stays."""
    rs = ruleset("zh")
    assert split_names("某某都市报见习记者 林小沛 某某都市报记者 王一", rs) == ["林小沛", "王一"]
    assert split_names("某某晚报记者王小丽", rs) == ["王小丽"]
    assert split_names("编辑 陈东 校对 林一鸣", rs) == ["陈东", "林一鸣"]


def test_compiled_or_counted_is_no_author():
    """作者：网络整理 阅读：1234 names no one (a compiler's note and a view counter)."""
    meta = extract([("byline", "作者：网络整理 阅读：1234")], ruleset("zh"), "")
    assert meta["authors"] == [], meta


def test_original_badge_account_and_date():
    """原创 ACCOUNT DATE: the account is the source, not an author; 原创 AUTHOR ACCOUNT DATE keeps both."""
    rs = ruleset("zh")
    meta = extract([("published", "原创 某某都市报 2019-09-09 10:00:12")], rs, "")
    assert meta["source"] == "某某都市报" and meta["authors"] == [], meta
    assert meta["published"] == "2019-09-09T10:00:12"
    meta = extract([("published", "原创 小王 某某观察 2019-09-09")], rs, "")
    assert meta["source"] == "某某观察" and meta["authors"] == ["小王"], meta


def test_two_digit_year_glued_to_time():
    """发布时间：YY-MM-DDHH:MM (the date and the time written together)."""
    rs = ruleset("zh")
    meta = extract([("published", "发布时间：18-03-0823:16")], rs, "")
    assert meta["published"] == "2018-03-08T23:16", meta
    # no year at all, and none elsewhere on the page: no date is invented
    meta = extract([("published", "发布时间：09-3022:46某某科技有限公司")], rs, "")
    assert meta["published"] is None, meta


def test_outlet_flash_lead_without_date():
    """某某晚报快讯（记者 X）: the lead gives the reporter and the outlet."""
    meta = extract([("dateline", "某某晚报快讯（记者 王小丽）")], ruleset("zh"), "")
    assert meta["authors"] == ["王小丽"] and meta["source"] == "某某晚报", meta


def test_field_bar_and_ampersand_names():
    """发表于DATE| N次阅读| 来源X| 作者Y gives all three; names may be joined by &."""
    rs = ruleset("zh")
    meta = extract([("published", "发表于2020-03-01 10:20| 356次阅读| 来源某某社区| 2 条评论| 作者王明")], rs, "")
    assert meta["published"] == "2020-03-01T10:20" and meta["source"] == "某某社区", meta
    assert meta["authors"] == ["王明"], meta
    meta = extract([("byline", "执笔/张小三、李四哥&王五妹")], rs, "")
    assert meta["authors"] == ["张小三", "李四哥", "王五妹"], meta


@pytest.mark.parametrize("line, authors, source, published", [
    ("-- By Nora Whitfield Follow @nwhitfield", ["Nora Whitfield"], None, None),
    ("— By Jane Doe and John Roe, CNN", ["Jane Doe", "John Roe"], "CNN", None),
    ("By Priya Raman, Staff Writer posted 3:05 pm, Jan 5, 2021", ["Priya Raman"], None, "2021-01-05T15:05"),
    ("By Priya Raman Updated Jan 5, 2021", ["Priya Raman"], None, "2021-01-05"),
    ("Jane Doe 6 October 2018", ["Jane Doe"], None, "2018-10-06"),
    # one word before the date is the site that posted the page, not a person
    ("Sunnyreel October 06, 2018", [], "Sunnyreel", "2018-10-06"),
    ("Updated October 06, 2018", [], None, "2018-10-06"),
    # a desk's word glued to the surname ("DawsonEnergy Reporter"); a surname with a capital inside stays
    ("Jane DawsonEnergy Reporter", ["Jane Dawson"], None, None),
    ("Ronan McDonald Reporter", ["Ronan McDonald"], None, None),
    ("Jane Doe | @janedoe", ["Jane Doe"], None, None),
    # writing for a wire, or the paper alone: the source
    ("By Jane Doe, For The Associated Press", ["Jane Doe"], "Associated Press", None),
    ("by The Example Times-Picayune", [], "The Example Times-Picayune", None),
    ("Example News Service", [], "Example News Service", None),
])
def test_english_bylines(line, authors, source, published):
    """An English byline gives the name alone: no dash before it, no handle, job title or posting time after."""
    meta = extract([("byline", line)], ruleset("en"), line)
    assert meta["authors"] == authors and meta["source"] == source, meta
    assert meta["published"] == published, meta


@pytest.mark.parametrize("line, published", [
    ("on December 27, 2014 at 12:06 PM, updated December 27, 2014 at 12:10 PM", "2014-12-27T12:06"),
    ("Updated 10:32 AM ET, Thu January 5, 2023", "2023-01-05T10:32-05:00"),
    ("Updated 9:15 AM ET, Wed July 5, 2023", "2023-07-05T09:15-04:00"),
    ("Published 5:00 AM EST Jan 3, 2024", "2024-01-03T05:00-05:00"),
    ("Jan. 5, 2021, 4:05 p.m. ET", "2021-01-05T16:05-05:00"),
    ("Nov. 4, 2022, 4:05 p.m. PT", "2022-11-04T16:05-07:00"),
    ("Monday, 6 January 2020", "2020-01-06"),
])
def test_english_publication_times(line, published):
    """The first date and time of a line, with the zone it names; ET and PT are standard or daylight time by the date."""
    assert extract([("published", line)], ruleset("en"), line)["published"] == published


def test_names_listed_with_spaces_stay_apart():
    """Names the page separates with spaces (通讯员 赵雅琪 钱明) are two names, though normalizing
    joined the Han characters; a two-character name padded to three (王 五) is one name."""
    rs = ruleset("zh")
    assert as_written("本站讯（职工通讯员赵雅琪钱明）", "本站讯(职工通讯员 赵雅琪 钱明)") == "本站讯（职工通讯员 赵雅琪 钱明）"
    meta = extract([("dateline", "本站讯（职工通讯员赵雅琪钱明）", "本站讯（职工通讯员 赵雅琪 钱明）"),
                    ("editor", "责任编辑：王 五 陈立")], rs, "")
    assert meta["authors"] == ["赵雅琪", "钱明"] and meta["editors"] == ["王五", "陈立"], meta
    # text the page does not hold as it stands (another width, another form) is read as normalized
    assert as_written("记者王明", "記者 王 明") == "记者王明"


def test_credit_line_dropped_as_caption_names_the_editor():
    """X供稿 摄影/张三 编辑/李四, dropped as a caption, gives the editor; a caption's sentence names no one,
    and a dropped line is read only by the patterns that name its reason (no date from a caption)."""
    rs = ruleset("zh")
    meta = extract([], rs, "", [("caption", "某某党支部供稿 摄影/周燕 编辑/孙丽 王小五")])
    assert meta["editors"] == ["孙丽", "王小五"] and meta["authors"] == [], meta
    for caption in ("图为编辑/记者在现场采访居民", "2021年5月1日，编辑：本报记者在采访途中"):
        meta = extract([], rs, "", [("caption", caption)])
        assert meta["editors"] == [] and meta["published"] is None, meta


def test_date_written_over_lines_above_the_body():
    """2019 / 09/07 / 19:02 on lines of their own above the article is its publication time;
    the same lines under the body's start, or a year not followed by a month and day, are not."""
    body = "\n\n社区图书馆延长开放时间\n\n从本周起，社区图书馆工作日的开放时间延长到晚上九点，方便居民借书和自习。\n"
    assert corpuskit.clean("2019\n09/07\n19:02" + body).meta["published"] == "2019-09-07T19:02"
    assert corpuskit.clean("2019\n\n09/07" + body).meta["published"] == "2019-09-07"
    assert corpuskit.clean(body + "\n2019\n09/07\n19:02\n").meta["published"] is None
    assert corpuskit.clean("2019\n首页\n09/07" + body).meta["published"] is None


def test_writer_and_photographer_credit_in_brackets():
    """（文/图 张三 李四）: a credit line in brackets names its authors as the bare line does."""
    for line in ("（文/图 张三 李四）", "(文/图 张三 李四)", "文/图 张三 李四"):
        assert extract([("byline", line)], ruleset("zh"), "")["authors"] == ["张三", "李四"], line


def test_widget_words_are_no_names_nor_sources():
    """Names must look like names: a share or font-size button (切換文字大小, 字號), a network's name
    (Plurk), a bookmark button after the date (收藏此文), a staff code after the editor (PK155), the
    place of 台北報導 after the reporter, and a placeholder source (来源：网络) name no one."""
    rs = ruleset("zh")
    for line in ("切換文字大小", "字號 大小", "Plurk", "Facebook", "收藏此文", "分享到"):
        assert extract([("byline", line)], rs, "")["authors"] == [], line
    meta = extract([("published", "阿明 發表於 2023年3月5日 10:20 收藏此文")], rs, "")
    assert meta["source"] is None and meta["published"] == "2023-03-05T10:20", meta
    assert extract([("published", "2023年3月5日 10:20 某某日报")], rs, "")["source"] == "某某日报"
    assert extract([("editor", "[责任编辑：张小明 AB123]")], rs, "")["editors"] == ["张小明"]
    assert extract([("byline", "記者 陳大文 台北報導")], rs, "")["authors"] == ["陳大文"]
    assert extract([("byline", "记者 张三 李四")], rs, "")["authors"] == ["张三", "李四"]
    assert extract([("byline", "记者张三报道")], rs, "")["authors"] == ["张三"]
    meta = extract([("source", "来源：网络"), ("published", "某某文化 2020-03-09 18:14:21")], rs, "")
    assert meta["source"] == "某某文化", meta
    assert extract([("source", "来源：网络整理")], rs, "")["source"] is None
    assert extract([("source", "来源：网易科技")], rs, "")["source"] == "网易科技"
    # a writer's code in Latin letters is no outlet (稿件来源：Sm); an outlet in capitals is (来源：CNN)
    assert extract([("source", "稿件来源：Sm")], rs, "")["source"] is None
    assert extract([("source", "来源：CNN")], rs, "")["source"] == "CNN"


@pytest.mark.parametrize("line, authors, source", [
    ("王小明/某某青年报", ["王小明"], "某某青年报"),  # name/outlet next to the headline
    ("某某時報 林大同", ["林大同"], "某某時報"),  # outlet, then the reporter
    ("Newspaper | A27 |FINANCE |某某專欄 |By 黃大文", ["黃大文"], None),  # a clipping's field strip
    ("【文/某某网专栏作者 张大力】", ["张大力"], None),
    ("（李小楠）", ["李小楠"], None),  # a closing name cut from the body
    ("作者：某某傳媒", [], None),  # the site's account where a writer's name should be
    ("文/某某日报", [], None),
])
def test_bylines_with_outlets_and_strips(line, authors, source):
    meta = extract([("byline", line)], ruleset("zh"), "")
    assert meta["authors"] == authors and meta["source"] == source, meta


def test_name_before_the_post_date():
    meta = extract([("published", "janedoe 發表於 2024年9月26日 08:27")], ruleset("zh"), "")
    assert meta["authors"] == ["janedoe"] and meta["published"] == "2024-09-26T08:27", meta


def test_author_lines_of_pages_end_to_end():
    """The credit strip under the headline (outlet + name), a clipping strip ending in By NAME, and a
    bare (NAME) closing the body's last sentence are read as the author; a note in brackets is not."""
    body = ("\n\n某某市新建三座社区图书馆，周末开放到晚上九点。\n\n"
            "图书馆工作人员说，新馆藏书超过两万册，居民可以凭身份证免费办理借书证。\n")
    page = "首页\n要闻\n社区图书馆延长开放时间\n2024.10.09\n某某時報 林大同\n" + body
    assert corpuskit.clean(page).meta["authors"] == ["林大同"]
    page = ("1 .某某報 | General | 2019-04-15\nNewspaper | A27 |財經 |某某專欄 |By 黃大文\n"
            "社区图书馆延长开放时间" + body)
    assert corpuskit.clean(page).meta["authors"] == ["黃大文"]
    doc = corpuskit.clean("社区图书馆延长开放时间" + body.rstrip() + "(王小楠)\n")
    assert doc.meta["authors"] == ["王小楠"] and "王小楠" not in doc.text
    doc = corpuskit.clean("社区图书馆延长开放时间" + body.rstrip() + "（掌声）\n")
    assert doc.meta["authors"] == [], doc.meta


def test_outlet_in_a_date_line_before_widgets_or_a_wire_dateline():
    """18:57 X 我有话说(N人参与) 收藏本文: X is the source (the widget's words are not); a wire's dateline
    glued to the time, 14:31某某社 某某縣28日電, gives the source and the place."""
    rs = ruleset("zh")
    meta = extract([("published", "2019年09月11日01:53  某某科技   我有话说(120人参与) 收藏本文")], rs, "")
    assert meta["source"] == "某某科技" and meta["published"] == "2019-09-11T01:53", meta
    meta = extract([("published", "2018-02-28 14:31某某社 某某縣28日電")], rs, "")
    assert (meta["source"], meta["dateline"], meta["published"]) == ("某某社", "某某縣", "2018-02-28T14:31"), meta


_EN_BODY = ("\n\nThe city council voted on Tuesday to extend the opening hours of all public libraries, "
            "a change that will take effect next month and cost about two million dollars a year.\n\n"
            "Council members said the longer hours would help students who need a quiet place to work "
            "in the evenings, and librarians welcomed the decision after years of cuts.\n")


@pytest.mark.parametrize("over, published", [
    ("on December 27, 2014 at 12:06 PM, updated December 27, 2014 at 12:10 PM", "2014-12-27T12:06"),
    ("City Desk August 12, 2010, 5:00PM EST", "2010-08-12T17:00-05:00"),  # a label glued to the date
])
def test_english_date_lines_by_the_headline(over, published):
    doc = corpuskit.clean("Libraries will stay open later\n" + over + _EN_BODY)
    assert doc.meta["published"] == published and over not in doc.text, doc.meta


def test_english_date_glued_to_the_standfirst():
    """A date with its weekday glued to the end of a standfirst goes to metadata, the standfirst stays;
    a sentence that ends with a date keeps it."""
    stand = ("The city, which closed three branches in the last budget, now keeps every library open until "
             "ten at night. Where did the council find the money for it?")
    doc = corpuskit.clean("Libraries will stay open later\n\n" + stand + "Monday, 6 January 2020" + _EN_BODY)
    assert doc.meta["published"] == "2020-01-06" and stand in doc.text and "6 January" not in doc.text, doc.meta
    last = "The new hours start on Monday, 6 January 2020."
    doc = corpuskit.clean("Libraries will stay open later\n" + _EN_BODY + "\n" + last + "\n")
    assert last in doc.text


def test_place_before_the_report_word_and_layout_editors_are_no_names():
    """A byline that names the place before 報導 (記者 X 花蓮縣 報導) names one writer; a layout
    editor (版面編輯：X) edits no text."""
    rs = ruleset("zh")
    meta = extract([("byline", "某某日報記者 林志明 台東縣 報導")], rs, "")
    assert meta["authors"] == ["林志明"], meta
    meta = extract([("editor", "編輯：李雅婷"), ("editor", "版面編輯：陳嘉欣 黃子豪")], rs, "")
    assert meta["editors"] == ["李雅婷"], meta


def test_inline_credits_with_roles_glued_or_after_the_dateline():
    """A lead's credit with roles glued to the names (记者X通讯员Y) names both; a reporters' club's
    dateline (X记者团讯：（见习记者 Y 见习摄影 Z）) names the writer, not the club or the photographer."""
    rs = ruleset("zh")
    meta = extract([("dateline", "某某网讯(记者王大明通讯员李小华)")], rs, "")
    assert meta["authors"] == ["王大明", "李小华"], meta
    meta = extract([("dateline", "某某记者团讯：（见习记者 王小丽 见习摄影 张大伟）")], rs, "")
    assert meta["authors"] == ["王小丽"], meta


@pytest.mark.parametrize("lead, authors", [
    ("【某某網記者陳志明報道】「北美華人商會」年會於上周六在華埠舉行，兩百多名會員出席。", ["陳志明"]),
    # an outlet's desk, no reporter: no name; the reporter's name again in the lead: a topic, no writer
    ("【某某網訊】「北美華人商會」年會於上周六在華埠舉行，兩百多名會員出席。", []),
    ("【某某網記者陳志明報道】陳志明當選商會會長，他表示將為會員提供更多服務。", []),
])
def test_reporter_in_a_bracketed_dateline_opening_the_lead(lead, authors):
    doc = corpuskit.clean("北美華人商會舉行年會\n\n" + lead + "\n\n新任理事會將於下月召開首次會議，討論全年活動安排。\n")
    assert doc.meta["authors"] == authors
    assert lead.split("】")[1][:4] in doc.text


def test_photo_credits_name_the_writer_only_when_alone_and_one():
    """A reporter's photo credit closing the captions ((記者林某某攝)) names the writer only where
    the page credits no one else and every credit names the same reporter."""
    body = "縣府今天舉行表揚大會，共有八十位父親獲得表揚，縣長親自頒發獎牌並感謝他們的付出。"
    one = f"表揚大會 八十位父親獲獎\n\n縣長與得獎者合影。(記者古雅婷攝)\n\n{body}\n\n得獎者上台領獎。(記者古雅婷攝)\n"
    assert corpuskit.clean(one).meta["authors"] == ["古雅婷"]
    two = one.replace("得獎者上台領獎。(記者古雅婷攝)", "得獎者上台領獎。(記者陳志豪攝)")
    assert corpuskit.clean(two).meta["authors"] == []
    signed = one.replace(body, body + "(記者王美玲)")
    assert corpuskit.clean(signed).meta["authors"] == ["王美玲"]


def test_reporter_credited_for_the_picture_after_a_body_line():
    """A photo story's credit after the paragraph's last sentence (。本报记者 X 摄) names the writer
    only where the page credits no one else; a byline wins over it, and a correspondent's credit
    (通讯员 X 摄) names no writer."""
    body = ("5月8日，记者在城区河滨路看到，该路段多盏路灯夜间不亮，行人只能借助手机照明通行。附近居民说，"
            "路灯已经坏了半个多月，晚上带孩子散步很不方便，希望有关部门尽快维修，保障市民夜间出行安全。")
    one = f"路灯“罢工”多日\n\n{body}本报记者 王晓东 摄\n"
    assert corpuskit.clean(one).meta["authors"] == ["王晓东"]
    signed = f"路灯“罢工”多日\n\n记者 李明\n\n{body}本报记者 王晓东 摄\n"
    assert corpuskit.clean(signed).meta["authors"] == ["李明"]
    helper = f"路灯“罢工”多日\n\n{body}通讯员 王晓东 摄\n"
    assert corpuskit.clean(helper).meta["authors"] == []


@pytest.mark.parametrize("line, authors", [
    ("发布时间：2023/03/31作者：王丹凤来源：点击量：3749某某报1604期05版", ["王丹凤"]),
    ("2021-05-06 作者：李文来源：某某日报", ["李文"]),
    ("作者：欧阳明月 编辑：张三", ["欧阳明月"]),
])
def test_name_stops_before_the_next_credit_key(line, authors):
    """A credit strip with no space between its fields: the writer's name stops where the next
    key (来源：, 编辑：) opens."""
    assert extract([("published", line)], ruleset("zh"), line)["authors"] == authors


@pytest.mark.parametrize("lead, source", [
    ("本报讯 据某南网报道 当地时间3月25日，某商会举行选举和闭幕典礼，新届理事宣誓就职。", "某南网"),
    ("據某某通訊社報導，某市議會昨日通過新的預算案，將增加教育和醫療方面的支出。", "某某通訊社"),
    ("据报道，某市议会昨日通过新的预算案，将增加教育和医疗方面的支出。", None),
    ("据当地媒体报道，某市议会昨日通过新的预算案，将增加教育和医疗方面的支出。", None),
    ("据本报记者了解，某市议会昨日通过新的预算案，将增加教育和医疗方面的支出。", None),
])
def test_source_from_a_lead_that_retells_an_outlet(lead, source):
    """A lead opening with the outlet it retells (据某某网报道) names the source; a report of no
    outlet, or of the paper itself, names none."""
    page = f"某市议会通过新预算案\n\n{lead}\n\n议员们表示，新的预算案将在下个月开始执行，市民可以在政府网站查阅详情。\n"
    assert corpuskit.clean(page).meta["source"] == source


@pytest.mark.parametrize("opener, authors", [
    ("【某某傳媒記者小雨/某縣報導】", ["小雨"]),
    ("【記者小雨／某縣報導】", ["小雨"]),
    ("【某某網記者李大明報道】", ["李大明"]),
    ("【記者會報導】", []),
])
def test_reporter_in_a_bracketed_dateline_with_the_place(opener, authors):
    """A bracketed dateline naming the reporter and, after a slash, the place: the reporter's
    name, a pen name too; a bracket with no reporter's slot names no one."""
    lead = opener + "某鄉社區發展協會日前在社區活動中心舉辦年度成果發表會，展示協會一年來推動長者關懷的成果。"
    page = f"某鄉社區發展協會舉辦成果發表會\n\n{lead}\n\n協會理事長表示，未來將繼續爭取資源，照顧更多有需要的家庭。\n"
    assert corpuskit.clean(page).meta["authors"] == authors


def test_wechat_account_printed_twice_is_no_writer():
    """原创 ACCOUNT ACCOUNT date 发表于PROVINCE: no writer, and the province is no source."""
    rs = ruleset("zh")
    line = "原创 某某日报 某某日报 2024-06-27 07:30 发表于江苏"
    meta = extract([("published", line)], rs, line)
    assert meta["authors"] == [] and meta["source"] != "发表于江苏", meta
    line = "原创 陈晓 城市生活观察 2023-06-01 08:00"
    assert extract([("published", line)], rs, line)["authors"] == ["陈晓"]


def test_weekday_after_time_is_no_source():
    rs = ruleset("zh")
    line = "2024-06-27 10:20:33 星期四"
    meta = extract([("published", line)], rs, line)
    assert meta["source"] is None and meta["published"] == "2024-06-27T10:20:33", meta


def test_tags_key_after_editor_is_no_name():
    rs = ruleset("zh")
    line = "责任编辑：张晓燕 标签：公交 出行"
    assert extract([("editor", line)], rs, line)["editors"] == ["张晓燕"]


def test_staff_credit_names_no_one():
    """撰文：某某頭條記者 (the paper's reporter, unnamed) gives no author, not the paper's name."""
    rs = ruleset("zh")
    for line in ("撰文：星島頭條記者", "文字：新华社记者"):
        assert extract([("byline", line)], rs, line)["authors"] == [], line


def test_report_key_and_bar_credits_name_the_writer():
    rs = ruleset("zh")
    for line in ("报道：林国强", "林国强 报道", "文：林国强 ｜ 图：陈志明", "報導：林国强 攝影：陳志明"):
        assert extract([("byline", line)], rs, line)["authors"] == ["林国强"], line


def test_closing_writer_credit_with_affiliation():
    """（作者：X，某大学教授）, with the affiliation after a comma, in brackets or glued to the name
    (a scraper lost the comma): the writer is the name alone, never the name and the institution."""
    rs = ruleset("zh")
    for line, who in (("（作者：李华北京大学经济学院教授）", ["李华"]), ("(作者：王小明北京大学教授)", ["王小明"]),
                      ("（作者：李华，中国社会科学院研究员）", ["李华"]), ("（作者：李华（上海交通大学教授））", ["李华"]),
                      ("（作者：李华）", ["李华"])):
        assert rs.match_rule(line, "tail").reason == "byline", line
        assert extract([("byline", line)], rs, "")["authors"] == who, line
    # a reporter's credit with the filing place after the name keeps its writer
    assert extract([("byline", "记者 王小明 北京报道")], rs, "")["authors"] == ["王小明"]


def test_byline_strip_of_several_reporters_and_places():
    """某某 某某 某某／新北 台南報導 發布時間：…: every reporter before the slash, none of the places."""
    got = extract([("byline", "王大明 李小華 張志強／新北 台南報導 發布時間：2023-08-24 12:31")], ruleset("zh"), "")
    assert got["authors"] == ["王大明", "李小華", "張志強"] and got["published"] == "2023-08-24T12:31", got


def test_time_glued_to_the_date_after_it():
    """12:072023/08/28 (the scraper lost the space between the time and the date): 2023-08-28T12:07."""
    assert extract([("published", "12:072023/08/28")], ruleset("zh"), "")["published"] == "2023-08-28T12:07"


@pytest.mark.parametrize("line", ["2016/05/08 09:12 高雄市 報導", "2016/05/08 09:12 高雄 報導", "2016/05/08 09:12 金門縣報導"])
def test_date_line_with_place_names_no_reporter(line):
    """The place a report was filed from, after the date, is no reporter's name."""
    assert extract([("published", line)], ruleset("zh"), line)["authors"] == []


def test_an_agency_copyright_before_its_year_names_the_source():
    meta = extract([("copyright", "© Reuters 2008. All rights reserved. Republication is prohibited.")],
                   ruleset("en"), "")
    assert meta["source"] == "Reuters", meta


def test_outlet_dot_date_and_a_licence_note_after_the_editor():
    rs = ruleset("zh")
    meta = extract([("published", "某某网科技·2025年04月22日 19:50")], rs, "")
    assert meta["source"] == "某某网科技" and meta["published"].startswith("2025-04-22T19:50"), meta
    meta = extract([("byline", "本文来自微信公众号“某某网科技”，作者：姜某，编辑：董某某，某某经授权发布。")], rs, "")
    assert not any("授权" in n for n in meta["editors"] + meta["authors"]), meta
