import type { ContentCategory, SopOwnerRole, SopTiming } from "./schema";

/**
 * Built-in SOPs written from DOMAIN.md §3's examples. "Add from starter" copies one into the
 * workspace (starter_key set) where it is edited like any other template. Posts stay at or
 * under 3 a day on ordinary days, as the domain advises.
 */
export type StarterStep = {
  timing: SopTiming;
  weekday: number | null;
  dayOffset: number | null;
  time: string;
  title: string;
  inlineText: string;
  category: ContentCategory;
  ownerRole: SopOwnerRole;
  notes: string;
};
export type Starter = { key: string; name: string; description: string; communityType: string | null; anchorLabel: string; steps: StarterStep[] };

type Row = [when: number | null, time: string, title: string, text: string, category: ContentCategory, owner: SopOwnerRole, notes?: string];
const rows = (timing: SopTiming, list: Row[]): StarterStep[] =>
  list.map(([when, time, title, inlineText, category, ownerRole, notes = ""]) => ({
    timing,
    weekday: timing === "weekly" ? when : null,
    dayOffset: timing === "relative" ? when : null,
    time,
    title,
    inlineText,
    category,
    ownerRole,
    notes,
  }));

export const STARTERS: Starter[] = [
  {
    key: "restaurant_daily",
    name: "餐饮 · 每日三发",
    description: "11:00 今日菜单,12:00 招牌菜视频,18:00 预告次日限量秒杀。每天 3 条:带群内福利的菜单和秒杀预告是活动,中间一条讲品牌。",
    communityType: "repurchase",
    anchorLabel: "",
    steps: rows("daily", [
      [null, "11:00", "今日午市菜单", "【今日午市】\n招牌辣椒炒肉饭 ¥22\n番茄牛腩饭 ¥26\n清炒时蔬 ¥12\n群内下单备注「群友」送例汤一份,11:30 前下单 12:00 前送达。", "activity", "group_owner", "配当天菜品实拍图,价格以门店为准"],
      [null, "12:00", "招牌菜现炒视频", "后厨现炒,每一盘都是现点现做 🔥\n今天带大家看看辣椒炒肉是怎么出锅的:猪前腿肉现切,螺丝椒当天到店。\n好吃的秘诀只有一个:不用预制菜。", "values", "group_admin", "15 秒以内竖版视频,午高峰前发出"],
      [null, "18:00", "明日限量秒杀预告", "【明日秒杀】明天 11:00 准时开抢:\n招牌辣椒炒肉饭 ¥9.9,限量 30 份,每人限 1 份。\n回复「1」提前占位,开抢时群里第一时间@你。", "activity", "group_owner", "次日 11:00 在群里发秒杀链接,核销用群友暗号"],
    ]),
  },
  {
    key: "education_weekly",
    name: "教育 · 周二晚课周循环",
    description: "周二晚 8 点上课:周一预告海报,周二倒计时和上课提醒,周三回放 + 思维导图,周四作业点评,周日下期报名。",
    communityType: "content",
    anchorLabel: "",
    steps: rows("weekly", [
      [1, "20:00", "明晚课程预告海报", "📣 明晚 20:00 直播课《3 步读懂孩子的情绪》\n主讲:李老师(10 年一线教龄)\n扫海报二维码预约,开课前 10 分钟提醒你。", "activity", "operator", "海报用本周课程主视觉"],
      [2, "12:00", "开课倒计时", "⏰ 距离今晚直播课还有 8 小时!\n今晚会讲到:孩子发脾气时家长说的第一句话。\n接龙报到:回复「已预约 + 孩子年级」。", "interaction", "group_admin"],
      [2, "19:45", "上课提醒 + 直播链接", "15 分钟后开课,点击进入直播间 👉(直播链接)\n准备好纸笔,课上有随堂小练习。", "product", "group_admin", "换成本期直播链接"],
      [3, "10:00", "课程回放 + 思维导图", "昨晚没赶上的家长看这里:课程回放 48 小时内有效。\n附上本节课思维导图,建议保存,对照练习。", "product", "operator", "回放链接 + 思维导图图片"],
      [4, "20:00", "作业点评", "今晚点评 5 位家长的课后作业 ✍️\n被点评的家长可以私信领取一对一复盘名额。", "interaction", "operator", "挑选有代表性的作业,先征得家长同意"],
      [7, "20:00", "下期课程报名", "本周课程结束 🎉 下周二继续《孩子不爱写作业怎么办》。\n本周完成作业的家长,报名系统课立减 100 元,名额 20 个。", "activity", "operator"],
    ]),
  },
  {
    key: "apparel_weekly",
    name: "服装 · 栏目化周循环",
    description: "周一新品预告,周二上新,周四种草,周六直播;穿插穿搭话题和周末福利。",
    communityType: "fans",
    anchorLabel: "",
    steps: rows("weekly", [
      [1, "20:00", "新品预告", "明天上新 🌿 秋冬羊毛混纺大衣,三色可选。\n先猜猜是哪三个颜色?猜中的送 20 元无门槛券。", "product", "operator", "只放局部细节图,留悬念"],
      [2, "10:00", "新品上新 · 群内首发价", "【群内首发】羊毛混纺大衣正式上新!\n群友首发价 ¥399(门店价 ¥499),前 50 件再送同色围巾。\n点击小程序直接下单 👉", "activity", "group_owner", "小程序商品卡"],
      [3, "20:00", "穿搭话题", "今天的话题:一件大衣怎么穿出三种风格?\n晒出你的搭配,点赞最多的 3 位送袜子礼盒。", "interaction", "group_admin"],
      [4, "20:00", "买家秀种草", "来自群友 @小林 的买家秀:「160cm 穿 S 码刚好到小腿,显高不压个子」。\n尺码参考表放在图里了,拿不准的私信店长。", "product", "operator", "征得顾客同意后使用照片"],
      [5, "12:00", "面料与品牌故事", "为什么我们坚持用 50% 以上羊毛?\n三年只做大衣的小工厂,每一件都经过 12 道质检。", "values", "operator"],
      [6, "20:00", "周六直播", "今晚 8 点店长直播试穿本周新品 📺\n直播间下单额外 9 折,还有整点抽奖。", "activity", "group_owner", "直播前 30 分钟再提醒一次"],
    ]),
  },
  {
    key: "mother_baby_weekly",
    name: "母婴 · 育儿知识周循环",
    description: "以育儿知识和妈妈互动为主,穿插好物种草和周六会员日,广告感不超过三分之一。",
    communityType: "content",
    anchorLabel: "",
    steps: rows("weekly", [
      [1, "09:30", "每周育儿小课堂", "宝宝夜醒频繁怎么办?\n儿科护士小贴士:睡前 1 小时固定流程(洗澡 → 抚触 → 讲故事),坚持一周就能看到变化。", "values", "operator", "知识来源请标注"],
      [2, "20:00", "好物推荐", "这周妈妈们问得最多的:恒温调奶器。\n夜里冲奶 10 秒出温水,群内价 ¥129,支持 7 天无理由。", "product", "group_owner"],
      [3, "10:00", "辅食话题互动", "今天聊聊辅食:你家宝宝第一口辅食吃的是什么?\n留言分享,周五抽 3 位送米粉试用装。", "interaction", "group_admin"],
      [4, "20:00", "妈妈真实分享", "群友 @朵朵妈 的使用分享:「用了两周,夜里起来冲奶不再手忙脚乱」。\n你也有想分享的好物吗?私信小助手投稿。", "product", "operator"],
      [6, "10:00", "周六会员日", "【会员日】今天 10:00–22:00 纸尿裤满 199 减 50,\n群友专享再叠加 9.5 折,限今天。", "activity", "group_owner", "提前确认库存"],
      [7, "20:00", "晒娃打卡", "周末晒娃时间到 📸 发一张宝宝本周的成长照片,\n连续打卡 4 周的妈妈月底领成长相册一本。", "interaction", "group_admin"],
    ]),
  },
  {
    key: "flash_campaign_3day",
    name: "快闪群 · 3 天活动",
    description: "第 0 天预热,第 1 天开抢,第 2 天最后召唤并说明转长期群。第 0 天为建群日。",
    communityType: "flash",
    anchorLabel: "建群日",
    steps: rows("relative", [
      [0, "10:00", "欢迎 + 活动规则", "欢迎来到限时福利群 🎁 本群只开 3 天:\n明天 10:00 开抢,全场 5 折起;邀请 1 位好友进群多一次抽奖机会。", "activity", "group_owner", "置顶群公告同步"],
      [0, "20:00", "预热互动", "先来热热身:回复你最想要的一款(A 保温杯 / B 颈枕 / C 香薰),\n明天开抢前公布得票最高的,加送 50 份。", "interaction", "group_admin"],
      [1, "10:00", "正式开抢", "🔥 开抢啦!全场 5 折起,限量款售完即止。\n点击小程序下单,下单截图发群里参与抽奖。", "activity", "group_owner", "小程序商品卡"],
      [1, "15:00", "晒单种草", "已经有 86 位群友下单了!来看看大家的晒单 👇\n「保温杯 12 小时还是烫的」——@阿杰", "product", "operator"],
      [1, "20:00", "库存播报", "库存播报:保温杯剩 23 个,颈枕剩 11 个。\n明晚 22:00 活动结束,还没下单的抓紧。", "activity", "group_admin"],
      [2, "12:00", "最后召唤", "⏳ 最后 10 小时!今晚 22:00 恢复原价。\n还在犹豫的朋友,回复「1」店长帮你留一件。", "activity", "group_owner"],
      [2, "21:30", "结束说明 + 转长期群", "活动即将结束,感谢大家!\n想继续收到会员福利的朋友,扫码进入长期福利群,本群明天解散。", "values", "operator", "附长期群活码"],
    ]),
  },
];

export function findStarter(key: string): Starter | undefined {
  return STARTERS.find((s) => s.key === key);
}
