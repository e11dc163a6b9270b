"""The outlines the five seeds must parse to (issue: parse acceptance).

Each level-1 section: (heading, role, level-2 headings or None, item count or None).
Shared by the seed tests and the messy-variant tests.
"""

SEEDS = {
    "000_928ffb1024447432.txt": {
        "kind": "annual",
        "title": "2023年市水利局机关党委党建工作总结",
        "opening": "2023年水利局机关党委在市直属机关工委的指导下",
        "sections": [
            ("主要工作开展情况", "achievements", [
                "学思想，推进主题教育", "明职责，扛起党建责任", "抓基础，强化服务保障",
                "抓重点，提升党建质量", "重落实，强化担当作为", "用心用情关爱，全心做好服务"], None),
            ("存在的主要问题", "problems", [], 2),
            ("2024年工作计划", "plans", [], 5),
        ],
    },
    "001_56e93352d959f4eb.txt": {
        "kind": "annual",
        "title": "2023党组党建工作总结及下一步工作计划",
        "opening": "今年以来，党组始终坚持",
        "sections": [
            ("基本情况", "achievements", [
                "“系统化”抓教育，强化理想信念", "“标准化”抓管理，强化责任落实",
                "“常态化”抓作风，强化监督管理", "“融合化”抓群团，强化合力凝聚"], None),
            ("存在问题", "problems", [
                "党的创新理论学习还不够系统深入", "意识形态工作还需要加强",
                "基层党组织政治功能和组织功能发挥不够充分",
                "对基层党组织建设和党务干部队伍建设的思考谋划还有薄弱环节", "全面从严治党还需久久为功"], None),
            ("原因分析", "causes", [], 3),
            ("下步打算", "plans", ["压紧压实责任", "夯实理论武装", "强化执纪监督", "切实转变作风"], None),
        ],
    },
    "002_bef99398f62872d2.txt": {
        "kind": "annual",
        "title": "2019年党建工作总结",
        "opening": "今年来，市X局按照市委的统一部署",
        "closing": "我局党建工作和示范点创建工作虽取得一定成效",
        "sections": [
            ("强化思想引领，加强政治建设", "achievements", [], None),
            ("抓牢主体责任，加强基层党组织建设", "achievements", [], None),
            ("深化从严治党，增强拒腐防变能力", "achievements", [], None),
            ("以党建为引领，加强干部队伍建设", "achievements", [], None),
            ("加强共建帮扶，积极开展精准扶贫工作", "achievements", [], None),
            ("凸显行业特色，积极开展党建示范点创建工作", "achievements", [
                "坚守初心强党性活动", "夯实基础补短板活动", "勇担使命作表率活动", "共建帮扶聚党心活动"], None),
        ],
    },
    "003_e4ab13fd1b405e5f.txt": {
        "kind": "debrief",
        "title": "2023年党总支部书记抓基层党建工作述职报告",
        "opening": "2023年，在区委和区政府的正确领导下",
        "sections": [
            ("主要做法", "achievements", [
                "抓思想，政治引领突出成效", "抓责任，主责主业彰显作为",
                "抓机制，打造坚强战斗堡垒", "抓作风，营造清正干事氛围"], None),
            ("存在的问题及原因", "problems", ["精力投入还需平衡", "创新实践还需加强", "谈心谈话还需深入"], None),
            ("下一步工作计划", "plans", ["强化主体责任落实", "健全党建内控机制", "业务党建双融双促"], None),
        ],
    },
    "004_53a748ed6597df06.txt": {
        "kind": "half_year",
        "title": "XX中心2023年度上半年党建工作开展情况汇报",
        "opening": "在区委区政府的坚强领导下",
        "sections": [
            ("主要工作开展", "achievements", [
                "压实党建责任，抓好工作落实", "加强政治理论学习，强化理论武装",
                "夯实党组织基础，提升党建引领效能", "强化党员教育管理", "严把党费收缴、管理关",
                "夯实党风廉政建设", "严守意识形态阵地", "民族团结进步创建工作"], None),
            ("存在的问题", "problems", [], 4),
            ("下一步工作重点", "plans", [], 4),
        ],
    },
}

# Noise strings that must never survive cleaning, anywhere in a parsed document.
NOISE_STRINGS = [
    "##paid", "paidbegin", "paidend", "素材库", "添加客服", "代笔", "会员群", "网盘群",
    "编辑密码", "wsx2023", "请勿照搬照抄", "作者原创投稿", "（2946字）", "2946字",
]


def fold_width(text: str) -> str:
    """Fold half-width punctuation to full width, for comparing messy variants."""
    table = str.maketrans({",": "，", ".": "。", ":": "：", ";": "；", "(": "（", ")": "）",
                           "!": "！", "?": "？"})
    return text.translate(table).replace('"', "").replace("“", "").replace("”", "")


def outline_of(doc, fold=False):
    """The parts of a Document that SEEDS describes, for comparison."""
    norm = fold_width if fold else (lambda t: t)
    sections = []
    for section in doc.sections:
        l2 = [norm(c.heading) for c in section.children if c.level == 2]
        sections.append((norm(section.heading), section.role, l2, len(section.items)))
    return {"kind": doc.kind, "title": norm(doc.title), "sections": sections}
