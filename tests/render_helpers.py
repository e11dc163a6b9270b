"""Shared by the writer tests: a realistic drafted document, and reading a
rendered PDF back as pages of text lines with character positions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.model import Document, Section

TITLE = "XX中心2023年度党建工作总结"
SIGNATURE = "中共XX中心支部委员会"
DATE = "2023年12月20日"


def party_summary() -> Document:
    """A 党建工作总结 as `drafter draft` produces it: four levels, 一是 items,
    placeholders left for the user, a closing, signature and date; long
    enough for several pages."""
    return Document(
        kind="annual",
        title=TITLE,
        opening=(
            "今年以来，中心党支部坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的XX大精神，"
            "紧紧围绕中心工作，以党建引领业务发展，扎实推进党的政治建设、思想建设、组织建设、作风建设和纪律建设，"
            "各项工作取得了新的成效。\n现将全年党建工作情况总结如下："
        ),
        sections=[
            Section(1, heading="主要工作开展情况", role="achievements", children=[
                Section(2, heading="坚持理论武装，筑牢思想根基", paragraphs=[
                    "始终把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，制定年度理论学习计划，"
                    "坚持第一议题制度，全年召开理论学习中心组学习会议X次，开展专题研讨6次，形成调研报告3篇。"
                    "依托学习强国、党员教育平台等载体，推动党员干部日常学习常态化、制度化，确保学习教育入脑入心、"
                    "见行见效。",
                ], children=[
                    Section(3, heading="强化集中学习", paragraphs=[
                        "坚持每周集中学习制度，采取领学、导学、研学相结合的方式，组织党员干部原原本本学习党章党规、"
                        "系列讲话精神和上级决策部署，每次学习都安排专人领学、骨干发言、支部书记点评，切实提高学习质量。",
                    ]),
                    Section(3, heading="丰富学习载体", paragraphs=[
                        "组织党员赴红色教育基地开展现场教学，举办读书分享会、青年理论宣讲等活动，"
                        "引导党员干部在沉浸式体验中坚定理想信念、锤炼党性修养，全年累计参与XXX人次。",
                    ], children=[
                        Section(4, heading="线上学习", paragraphs=[
                            "依托网络学习平台推送学习资料，开设专题学习栏目，党员干部利用碎片时间随时随地学习，"
                            "学习积分排名位居系统前列。",
                        ]),
                        Section(4, heading="线下研讨", paragraphs=[
                            "围绕重点工作开展专题研讨，党员结合岗位实际交流心得体会，做到学用结合、以学促干。",
                        ]),
                    ]),
                ]),
                Section(2, heading="夯实基层基础，提升组织力", paragraphs=[
                    "严格落实“三会一课”、主题党日、组织生活会、民主评议党员等基本制度，推进支部标准化规范化建设，"
                    "不断增强基层党组织的政治功能和组织功能。",
                ], items=[
                    "规范组织生活。全年召开支部党员大会4次、支委会12次，讲党课4次，开展主题党日活动12次，"
                    "组织生活会和民主评议党员工作按期高质量完成。",
                    "加强党员队伍建设。严格按照发展党员工作程序，稳妥做好发展党员工作，全年确定入党积极分子X名，"
                    "发展预备党员X名，按期转正党员X名，党员队伍结构进一步优化。",
                    "落实党费收缴管理制度。按时足额收缴党费，规范党费使用管理，定期公示党费收缴情况，"
                    "确保党费收缴工作规范有序。",
                ]),
                Section(2, heading="深化作风建设，营造风清气正的良好氛围", paragraphs=[
                    "认真落实全面从严治党主体责任，层层签订党风廉政建设责任书，开展廉政谈话和警示教育，"
                    "持之以恒纠治“四风”，推动作风建设常态化长效化。",
                    "坚持把纪律和规矩挺在前面，组织党员干部观看警示教育片，深入剖析身边典型案例，做到以案为鉴、以案促改，"
                    "筑牢拒腐防变的思想防线。",
                ]),
            ]),
            Section(1, heading="存在的问题", role="problems", paragraphs=[
                "在肯定成绩的同时，我们也清醒地认识到，支部党建工作与上级要求和群众期盼相比还存在一定差距。",
            ], items=[
                "理论学习的深度和广度还不够，个别党员存在以干代学、学用脱节的现象。",
                "党建与业务融合还不够紧密，服务中心工作的措施还不够有力。",
                "【待补充】",
            ]),
            Section(1, heading="2024年工作打算", role="plans", children=[
                Section(2, heading="持续加强政治建设", paragraphs=[
                    "把党的政治建设摆在首位，教育引导党员干部深刻领悟“两个确立”的决定性意义，"
                    "增强“四个意识”、坚定“四个自信”、做到“两个维护”，始终在思想上政治上行动上同党中央保持高度一致。",
                ]),
                Section(2, heading="持续推进党建与业务深度融合", paragraphs=[
                    "坚持围绕中心抓党建、抓好党建促发展，以党建引领业务工作提质增效，"
                    "把党建工作成效转化为推动事业发展的强大动力。",
                ], items=[
                    "健全党建工作与业务工作同谋划、同部署、同推进、同考核的工作机制。",
                    "深化党员先锋岗、党员责任区创建活动，充分发挥党员先锋模范作用。",
                ]),
            ]),
        ],
        closing=(
            "新的一年，中心党支部将在上级党组织的坚强领导下，以更加饱满的热情、更加务实的作风，"
            "推动党建工作再上新台阶，为中心各项事业高质量发展提供坚强保证。"
        ),
        signature=SIGNATURE,
        date=DATE,
    )


def long_party_summary() -> Document:
    """party_summary() with more body text per section: five or more pages,
    so inner pages are full of body lines."""
    doc = party_summary()
    extra = (
        "党支部坚持把抓好党建作为最大的政绩，主动研究谋划党建工作，支部书记认真履行第一责任人职责，"
        "班子成员落实一岗双责，形成了一级抓一级、层层抓落实的工作格局。"
        "围绕年度重点任务，细化工作措施，明确责任分工，建立工作台账，实行清单化管理，"
        "定期调度推进情况，确保各项任务按时保质完成。"
        "注重发挥党员示范带头作用，在急难险重任务中设立党员先锋岗，组织党员志愿服务队深入社区开展服务活动，"
        "以实际行动践行全心全意为人民服务的根本宗旨，赢得了群众的广泛好评。"
    )
    for node in doc.walk():
        if node.level == 2:
            node.paragraphs.extend([extra, extra])
    return doc


@dataclass
class TextLine:
    """Characters of one rendered line, left to right."""

    top: float        # distance from the top of the page, points
    bottom: float
    chars: list       # pdfminer LTChar objects

    @property
    def text(self) -> str:
        return "".join(ch.get_text() for ch in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1


@dataclass
class Page:
    width: float
    height: float
    lines: list[TextLine]


def read_pdf_pages(pdf: Path) -> list[Page]:
    """Every page's visible characters grouped into lines by vertical position."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar

    def chars_of(item):
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            for child in item:
                yield from chars_of(child)

    pages = []
    for layout in extract_pages(str(pdf), laparams=LAParams()):
        chars = [ch for ch in chars_of(layout) if ch.get_text().strip()]
        chars.sort(key=lambda ch: (-round(ch.y0), ch.x0))
        lines: list[TextLine] = []
        for ch in chars:
            top = layout.height - ch.y1
            bottom = layout.height - ch.y0
            centre = (top + bottom) / 2
            for line in lines:
                if line.top - 1 <= centre <= line.bottom + 1:
                    line.chars.append(ch)
                    line.top, line.bottom = min(line.top, top), max(line.bottom, bottom)
                    break
            else:
                lines.append(TextLine(top, bottom, [ch]))
        for line in lines:
            line.chars.sort(key=lambda ch: ch.x0)
        lines.sort(key=lambda line: line.top)
        pages.append(Page(layout.width, layout.height, lines))
    return pages
