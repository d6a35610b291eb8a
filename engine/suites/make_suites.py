#!/usr/bin/env python3
"""Writes the text-engine quality suites (JSON Lines) from hand-written cases and templates.

evasion.jsonl   every kind of evasion the scanner must see through, with the rule it must report
false-positive.jsonl  ordinary listing texts full of traps; no finding above "hint" is allowed
labelled.jsonl  ad and listing texts written from the rules, each labelled with the finding categories it holds

Deterministic: run it again and the files are identical. python3 make_suites.py
"""
import json
import random

random.seed(20170501)
ZW = "\u200b"


def write(name, rows):
    with open(name, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------------------------------------ evasions
E = []


def ev(kind, text, rule, category=None, matched=None):
    E.append({"id": "E%03d" % (len(E) + 1), "evasion": kind, "text": text, "category": category,
              "expect": [{"rule": rule, "matched": matched}]})


ABS, MED, CF, UT, EDU, INV, HF = ("AD-9.3-ABSOLUTE", "AD-17-DISEASE", "TM-57-COUNTERFEIT", "CP-26-UNFAIR-TERMS",
                                   "AD-24-EDUCATION", "AD-25-INVESTMENT", "AD-18-HEALTH-FOOD")
# full width and compatibility forms
ev("fullwidth", "ＮＯ．１ 的国货护肤品牌", ABS, "cosmetics", "ＮＯ．１")
ev("fullwidth", "本店Ａ货包包 支持验货", CF, "apparel", "Ａ货")
ev("fullwidth", "１：１ 复制大牌手表", CF, "apparel", "１：１")
ev("compatibility", "ＴＯＰ１ 爆款防晒", ABS, "cosmetics", "ＴＯＰ１")
# case
ev("case", "no.1 畅销耳机", ABS, "electronics", "no.1")
ev("case", "Top1 热销零食", ABS, "food", "Top1")
ev("case", "a货球鞋 莆田直发", CF, "apparel", "a货")
# traditional characters
ev("traditional", "全網最佳的保溫杯", ABS, "general", "最佳")
ev("traditional", "此茶根治糖尿病，效果顯著", MED, "food", "根治")
ev("traditional", "頂級复刻名表", CF, "apparel", "复刻")
ev("traditional", "最終解釋權歸本店所有", UT, "general", "最終解釋權歸本店所有")
ev("traditional", "本課程包過，不過退款", EDU, "education", "包過")
# white space of every kind
ev("whitespace", "国 家 级 品质 放心选购", ABS, "general", "国 家 级")
ev("whitespace", "全网最\u3000佳选择", ABS, "general", "最\u3000佳")
ev("whitespace", "高\u00a0仿 奢侈品包", CF, "apparel", "高\u00a0仿")
ev("whitespace", "保\t本保息 年化8%", INV, "investment", "保\t本")
ev("whitespace", "稳\n赚不赔的项目", INV, "investment", "稳\n赚不赔")
# zero-width characters
ev("zero-width", "最" + ZW + "佳护肤方案", ABS, "cosmetics", "最" + ZW + "佳")
ev("zero-width", "高\u200c仿" + ZW + "手表", CF, "apparel", "高\u200c仿")
ev("zero-width", "降\u200d血\u2060糖茶饮", MED, "food", "降\u200d血\u2060糖")
ev("zero-width", "概\ufeff不退换", UT, "general", "概\ufeff不退换")
# punctuation and symbols inserted
ev("punctuation", "全网最*佳口碑", ABS, "general", "最*佳")
ev("punctuation", "高.仿.大牌包", CF, "apparel", "高.仿")
ev("punctuation", "根-治-失眠的好茶", MED, "food", "根-治")
ev("punctuation", "包/过/班 名师授课", EDU, "education", "包/过")
ev("punctuation", "零·风·险理财", INV, "investment", "零·风·险")
ev("punctuation", "顶~级~复~刻", CF, "apparel", "复~刻")
# emoji
ev("emoji", "最\U0001F525佳好物推荐", ABS, "general", "最\U0001F525佳")
ev("emoji", "高\u2764仿包包", CF, "apparel", "高\u2764仿")
ev("emoji", "稳\U0001F4B0赚项目", INV, "investment", "稳\U0001F4B0赚")
ev("emoji", "抗\u2b50癌神茶", MED, "food", "抗\u2b50癌")
# HTML tags and entities
ev("html-tag", "全网<b>最</b><i>佳</i>口碑", ABS, "general", "最</b><i>佳")
ev("html-tag", "<span>高</span><span>仿</span>皮具", CF, "apparel", "高</span><span>仿")
ev("html-entity", "最&nbsp;佳选择", ABS, "general", "最&nbsp;佳")
ev("html-entity", "&#26368;&#20339;品质", ABS, "general", "&#26368;&#20339;")
ev("html-entity", "&#x9ad8;仿手袋", CF, "apparel", "&#x9ad8;仿")
ev("html-entity", "保本&amp;保息", INV, "investment", "保本")
# repeated characters
ev("repeat", "最最最佳的礼物", ABS, "general", "最最最佳")
ev("repeat", "高高高仿名表", CF, "apparel", "高高高仿")
ev("repeat", "包包过过 速成班", EDU, "education", "包包过")
# number styles
ev("numerals", "第1品牌 放心购", ABS, "general", "第1品牌")
ev("numerals", "第①品牌洗衣液", ABS, "general", "第①品牌")
ev("numerals", "第壹品牌奶粉", ABS, "food", "第壹品牌")
ev("numerals", "一比一复制", CF, "apparel", "一比一")
ev("numerals", "壹比壹还原正品", CF, "apparel", "壹比壹")
# circled and styled letters
ev("circled", "ⓐ货包包", CF, "apparel", "ⓐ货")
ev("circled", "ⓃⓄ.①品牌", ABS, "general", "ⓃⓄ.①")
ev("styled", "\U0001D400货潮鞋", CF, "apparel", "\U0001D400货")
ev("styled", "超\U0001D5D4品质", CF, "apparel", "超\U0001D5D4")
# pinyin in whole or in part
ev("pinyin", "zuijia选择 实惠之选", ABS, "general", "zuijia")
ev("pinyin", "zui佳口感", ABS, "food", "zui佳")
ev("pinyin", "gao仿包包 懂的来", CF, "apparel", "gao仿")
ev("pinyin", "gaofang名表", CF, "apparel", "gaofang")
ev("pinyin", "fuke潮牌", CF, "apparel", "fuke")
ev("pinyin", "genzhi糖尿病", MED, "food", "genzhi")
ev("pinyin", "bao本理财产品", INV, "investment", "bao本")
ev("pinyin", "wenzhuan不赔", INV, "investment", "wenzhuan")
ev("pinyin", "baoguo班 考前冲刺", EDU, "education", "baoguo")
# symbol-bearing terms
ev("symbol-term", "1:1复制 细节一致", CF, "apparel", "1:1")
ev("symbol-term", "NO.1的选择", ABS, "general", "NO.1")
ev("symbol-term", "TOP.1 热门款", ABS, "general", "TOP.1")
# homophones (suspected evasion)
ev("homophone", "醉佳好物 推荐", ABS, "general", "醉佳")
ev("homophone", "根芷糖尿病 纯天然", MED, "food", "根芷")
ev("homophone", "稿仿大牌包", CF, "apparel", "稿仿")
ev("homophone", "保笨理财", INV, "investment", "保笨")
ev("homophone", "复课潮鞋", CF, "apparel", "复课")
# look-alike characters (suspected evasion)
ev("lookalike", "根冶糖尿病", MED, "food", "根冶")
ev("lookalike", "冣佳选择", ABS, "general", "冣佳")
ev("lookalike", "髙仿包包", CF, "apparel", "髙仿")
ev("lookalike", "彷冒大牌 高彷皮具", CF, "apparel", "高彷")
# combined
ev("combined", "全網<b>最</b>\u200b佳！", ABS, "general", "最</b>\u200b佳")
ev("combined", "Ｇａｏ仿\U0001F525包包", CF, "apparel", "Ｇａｏ仿")
write("evasion.jsonl", E)

# ------------------------------------------------------------------------------------------ false positives
FP = [
    ("最新款连衣裙，纯棉面料，舒适透气，适合日常通勤", "apparel"),
    ("第一次购买的顾客可领取新人优惠券", "general"),
    ("仿真绿植摆件，提高仿真度的新工艺，叶片逼真", "general"),
    ("执行标准：国家标准GB/T 19001-2016，质量可靠", "general"),
    ("最佳赏味期为开封后7天内，请冷藏保存", "food"),
    ("最佳食用期：生产日期起3个月内", "food"),
    ("本店最新款手机壳已上架，支持多种型号", "electronics"),
    ("全店统一价，满99元包邮", "general"),
    ("最近上新的秋季外套，欢迎选购", "apparel"),
    ("最后一件清仓，尺码为L", "apparel"),
    ("最少起订10件，批发价另议", "general"),
    ("最终价格以结算页面为准", "general"),
    ("第一步：打开包装；第二步：按说明安装", "electronics"),
    ("最大承重150公斤的折叠椅", "general"),
    ("最高温度可达220度的卷发棒，请注意安全", "electronics"),
    ("最低温度零下18度冷冻保存", "food"),
    ("顾客第一，服务至上，有问题随时联系客服", "general"),
    ("质量第一，安全第一，坚持做好每一件产品", "general"),
    ("荣获2023年度最佳设计奖的台灯", "electronics"),
    ("第一时间发货，48小时内送达", "general"),
    ("双11活动：11月1日至11月11日", "general"),
    ("规格：1.5米×2米，颜色随机", "general"),
    ("5号AA电池，一盒12节", "electronics"),
    ("1:1比例手办模型，收藏摆件", "general"),
    ("一比一还原的汽车模型，仅供展示", "general"),
    ("英文原版图书，全新正版", "general"),
    ("仿真花束婚礼布置", "general"),
    ("复古风格牛仔裤，高腰显瘦", "apparel"),
    ("最起码要提前一天预约", "general"),
    ("唯一的遗憾是颜色偏暗，其他都很满意", "general"),
    ("本品不能代替药物，适宜人群：中老年人", "health_food"),
    ("适宜人群：免疫力低下者。本品不能代替药物。国食健注G20190123", "health_food"),
    ("国食健字G20150123，本品不能代替药物", "health_food"),
    ("请按药品说明书或者在药师指导下购买和使用", "drug"),
    ("本品用于缓解感冒引起的头痛发热，请仔细阅读说明书", "drug"),
    ("血压计，适用于家庭测量，请仔细阅读产品说明书或者在医务人员的指导下购买和使用", "medical_device"),
    ("五常大米，产地：黑龙江五常，地理标志专用标志使用授权编号见包装", "agricultural_product"),
    ("新鲜水果，产地直发，坏果包赔", "food"),
    ("七天无理由退货，运费险已购买", "general"),
    ("支持七天无理由退换，请保持商品完好", "general"),
    ("手工编织，每一件都独具匠心", "general"),
    ("经典款帆布鞋，百搭舒适", "apparel"),
    ("智能手表，支持心率监测与睡眠记录", "electronics"),
    ("儿童保温杯，316不锈钢内胆", "general"),
    ("蓝牙耳机，续航30小时，降噪效果好", "electronics"),
    ("有机绿茶，明前采摘，清香回甘", "agricultural_product"),
    ("办公椅，人体工学设计，久坐不累", "general"),
    ("收纳盒三件套，节省空间", "general"),
    ("加厚羽绒服，90%白鸭绒，数据来源：第三方检测报告编号2023-0815", "apparel"),
    ("厨房置物架，免打孔安装", "general"),
    ("宠物猫粮，成猫适用，营养均衡", "food"),
    ("羊毛围巾，柔软亲肤不扎脖", "apparel"),
    ("复刻经典的80年代游戏机外观（外观设计，非仿冒）", "electronics"),
    ("无标题文档模板下载", "general"),
    ("这款面膜补水保湿，适合干性肌肤", "cosmetics"),
    ("洗面奶温和清洁，泡沫细腻", "cosmetics"),
    ("防晒霜SPF50+ PA++++，户外适用", "cosmetics"),
    ("考研英语课程，名师讲解真题思路", "education"),
    ("少儿编程课，培养逻辑思维", "education"),
    ("理财有风险，投资需谨慎，过往业绩不代表未来表现", "investment"),
    ("精装修两居室，建筑面积89平方米", "real_estate"),
    ("玉米种子，适宜东北地区种植，请按说明播种", "seed"),
    ("宠物驱虫药，请在兽医指导下使用", "agrochemical"),
    ("最高人民法院发布的典型案例汇编（图书）", "general"),
    ("超级联赛官方授权足球", "general"),
    ("独家代理进口红酒，授权书可查", "food"),
    ("首发日期：2024年3月1日", "electronics"),
    ("这是我们店第一家分店开业的纪念品", "general"),
    ("第一批到货的荔枝，新鲜甜美", "food"),
    ("一级茶叶，特级初榨橄榄油，均为国家标准分级", "food"),
    ("高仿真度的硅胶娃娃头模，美发练习用", "general"),
    ("醉心于手工艺二十年的匠人之作", "general"),
    ("这件衬衫很适合搭配西装", "apparel"),
    ("价格<100元的实用好物合集", "general"),
    ("A&B联名款卫衣", "apparel"),
    ("尺码表：S/M/L/XL", "apparel"),
    ("台灯三档调光，护眼不频闪", "electronics"),
    ("不锈钢菜刀，锋利耐用", "general"),
    ("电饭煲4L容量，适合3-5人", "electronics"),
    ("运动鞋透气网面，轻便防滑", "apparel"),
    ("充电宝20000毫安，支持快充", "electronics"),
    ("牙刷软毛，保护牙龈", "general"),
    ("男士剃须刀，全身水洗", "electronics"),
    ("床上四件套，纯棉磨毛", "general"),
    ("儿童绘本，3-6岁适读", "general"),
    ("瑜伽垫加厚15mm，防滑耐磨", "general"),
    ("坚果礼盒，每日一包", "food"),
    ("蜂蜜500克，农家自产", "food"),
    ("咖啡豆中度烘焙，风味均衡", "food"),
    ("洗衣液去渍留香，温和不伤手", "general"),
    ("空气炸锅，少油更健康", "electronics"),
    ("行李箱20寸，万向轮静音", "apparel"),
    ("雨伞自动开合，晴雨两用", "general"),
    ("拖鞋浴室防滑，居家必备", "general"),
    ("保温饭盒，上班族午餐", "general"),
    ("手机支架，桌面懒人款", "electronics"),
    ("鼠标垫超大号，锁边设计", "electronics"),
    ("笔记本电脑包，防泼水面料", "apparel"),
    ("登山杖碳纤维，轻量化", "general"),
    ("婴儿湿巾，无酒精配方", "general"),
    ("本店唯一授权经销商证书见详情页", "general"),
    ("最好在阴凉干燥处保存，避免阳光直射", "food"),
    ("先到先得，售完即止", "general"),
    ("水杯容量500毫升，最大容量不超过刻度线", "general"),
]
write("false-positive.jsonl", [{"id": "F%03d" % (i + 1), "text": t, "category": c, "expect": []}
                                for i, (t, c) in enumerate(FP)])

# ------------------------------------------------------------------------------------------------ labelled
PRODUCTS = {
    "general": ["保温杯", "收纳箱", "雨伞", "台灯", "抱枕", "拖把", "水杯", "毛巾"],
    "food": ["枸杞茶", "燕麦片", "蜂蜜", "坚果", "黑芝麻丸", "山楂条", "红枣", "代餐粉"],
    "health_food": ["鱼油软胶囊", "蛋白粉", "维生素C片", "辅酶Q10", "葡萄籽胶囊"],
    "cosmetics": ["面霜", "精华液", "洗发水", "面膜", "身体乳", "防晒霜"],
    "apparel": ["手提包", "运动鞋", "手表", "皮带", "钱包", "卫衣", "墨镜"],
    "electronics": ["蓝牙耳机", "充电宝", "电动牙刷", "吹风机", "智能手环"],
    "education": ["会计考证班", "考研辅导课", "教师资格证课程", "雅思培训"],
    "investment": ["理财计划", "加盟项目", "投资产品", "养殖合作项目"],
    "real_estate": ["学府花园", "滨江一号", "城市之光公寓"],
    "drug": ["感冒颗粒", "止咳糖浆"],
    "medical_device": ["颈椎理疗仪", "血糖仪"],
    "seed": ["玉米种子", "水稻种子"],
    "agrochemical": ["杀虫剂", "除草剂"],
}
FILLER = ["限时优惠", "包邮到家", "下单即发", "品质保障", "厂家直销", "新品上市", "欢迎选购", "支持验货后付款",
          "七天无理由退货", "顺丰发货", "多色可选", "送礼佳品"]
VIOLATIONS = [
    # (finding category, product categories, terms, templates)
    ("absolute_term", ["general", "food", "cosmetics", "apparel", "electronics"],
     ["国家级", "最佳", "顶级", "销量冠军", "全网第一", "世界领先", "独一无二", "最便宜", "史无前例", "极品", "最好"],
     ["{p}，{t}品质，{f}", "{t}{p}，{f}", "{f}！{p}堪称{t}", "【{t}】{p} {f}"]),
    ("medical_claim", ["food", "cosmetics", "general"],
     ["降血糖", "降血压", "根治", "抗癌", "治疗失眠", "消炎", "排毒", "软化血管", "壮阳", "提高免疫力"],
     ["{p}，长期食用可{t}，{f}", "{p} {t}效果好 {f}", "{f}，{p}具有{t}功效"]),
    ("health_food_claim", ["health_food"],
     ["根治", "无副作用", "替代药物", "降血糖", "防癌", "保证有效", "无效退款"],
     ["{p}，{t}，本品不能代替药物，{f}", "{p}：{t}！本品不能代替药物"]),
    ("counterfeit", ["apparel", "electronics"],
     ["高仿", "A货", "1:1", "复刻", "精仿", "原单", "莆田", "超A", "顶级复刻", "大牌平替"],
     ["{t}{p}，{f}", "{p}（{t}）{f}", "{f} {t}品质{p}"]),
    ("unfair_terms", ["general", "apparel", "food", "electronics"],
     ["最终解释权归本店所有", "概不退换", "售出不退", "特价商品不退不换", "定金不退", "过期作废", "只换不退"],
     ["{p}，{f}。{t}。", "{p}：{t}，请谨慎下单", "【购买须知】{t}，{f}"]),
    ("education_promise", ["education"],
     ["包过", "保过", "不过退款", "保证通过", "押题必中", "命题专家授课", "提分保证"],
     ["{p}，{t}，{f}", "{t}！{p}火热报名中"]),
    ("investment_promise", ["investment"],
     ["保本保息", "稳赚不赔", "零风险", "保证收益", "躺着赚钱", "本息无忧"],
     ["{p}，{t}，年化收益8%", "{t}的{p}，{f}"]),
    ("real_estate_promise", ["real_estate"],
     ["升值潜力", "投资回报", "坐享升值", "分钟到达", "只涨不跌"],
     ["{p}，{t}巨大，{f}", "{p}：距地铁5{t}，{f}"]),
    ("fake_reviews", ["general", "apparel", "food", "cosmetics"],
     ["好评返现", "晒图返现", "五星好评返", "好评有礼", "追评返现"],
     ["{p}，{f}，{t}3元", "收到{p}后{t}，{f}"]),
    ("medical_ad", ["drug", "medical_device"],
     ["治愈率", "有效率", "无副作用", "专家推荐", "彻底治愈", "保证有效"],
     ["{p}，{t}高达95%，数据来源：临床统计", "{p}，{t}，请按说明书使用"]),
    ("agrochemical_claim", ["agrochemical"],
     ["无残留", "无毒", "100%杀灭", "保证药效", "农科院推荐"],
     ["{p}，{t}，{f}", "{t}{p}"]),
    ("seed_promise", ["seed"],
     ["高产保证", "抗所有病", "保证增收", "农科院推荐"],
     ["{p}，{t}，{f}", "{t}！{p}"]),
    ("state_symbol", ["general", "food"],
     ["国宴专用", "人民大会堂专用", "特供", "国务院推荐"],
     ["{p}，{t}，{f}", "{t}{p}"]),
]
CLEAN = ["{p}，{f}，{g}", "{g}的{p}，{f}", "{p} {f} {g}"]
GOOD = ["做工精细", "用料扎实", "简约大方", "性价比高", "口感细腻", "使用方便", "包装精美", "细节到位"]

L = []


def lab(text, category, labels):
    L.append({"id": "L%03d" % (len(L) + 1), "text": text, "category": category, "expect": sorted(set(labels))})


for cat, pcats, terms, templates in VIOLATIONS:
    for i, term in enumerate(terms):
        for k in range(2):
            pc = pcats[(i + k) % len(pcats)]
            p = random.choice(PRODUCTS[pc])
            tpl = templates[(i + k) % len(templates)]
            text = tpl.format(p=p, t=term, f=random.choice(FILLER))
            labels = [cat]
            if "顶级" in term:
                labels.append("absolute_term")  # 顶级复刻 is both a counterfeit signal and an absolute term
            if "%" in text and "数据来源" not in text:
                labels.append("unsourced_claim")  # a figure without its source (广告法第十一条)
            lab(text, pc, labels)
# texts with two violations
for i in range(30):
    (c1, p1, t1, _), (c2, p2, t2, _) = random.sample([v for v in VIOLATIONS if "general" in v[1] or "apparel" in v[1]], 2)
    common = [c for c in p1 if c in p2] or ["general"]
    pc = common[0]
    p = random.choice(PRODUCTS[pc])
    lab("{p}，{a}，{b}，{f}".format(p=p, a=random.choice(t1), b=random.choice(t2), f=random.choice(FILLER)),
        pc, [c1, c2])
# health food without the required statement
for i, p in enumerate(PRODUCTS["health_food"] * 3):
    lab("{p}，{g}，{f}".format(p=p, g=random.choice(GOOD), f=random.choice(FILLER)), "health_food",
        ["missing_statement"])
# clean texts
while len(L) < 340:
    pc = random.choice([c for c in PRODUCTS if c not in ("health_food",)])
    p = random.choice(PRODUCTS[pc])
    text = random.choice(CLEAN).format(p=p, f=random.choice(FILLER), g=random.choice(GOOD))
    lab(text, pc, [])
write("labelled.jsonl", L)
print(len(E), "evasion cases,", len(FP), "false-positive texts,", len(L), "labelled texts")
