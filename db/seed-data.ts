/**
 * Word lists and a seeded random source for demo data (db/seed.ts) and the benchmarks (bench/).
 * No server imports: plain data and pure functions, so both can use it.
 */

export { seededRandom } from "@/lib/random";

export type Random = () => number;

export function pick<T>(rand: Random, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** Up to `n` distinct items of `list`, in list order. */
export function pickSome<T>(rand: Random, list: readonly T[], n: number): T[] {
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < Math.min(n, list.length) && tries < n * 10; tries++) chosen.add(Math.floor(rand() * list.length));
  return [...chosen].sort((a, b) => a - b).map((i) => list[i] as T);
}

export const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
  "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余",
  "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖",
  "石", "金", "贾", "夏", "方", "邹", "熊", "白", "孟", "秦", "邱", "侯", "江", "薛", "雷", "龙", "黎", "陶", "贺", "顾",
  "欧阳", "上官", "司马",
] as const;

export const GIVEN_NAMES = [
  "静怡", "子涵", "欣怡", "梓萱", "思彤", "雨桐", "浩然", "宇轩", "子轩", "俊杰", "建国", "建华", "秀英", "桂英", "丽娟",
  "志强", "海燕", "晓明", "晓燕", "婷婷", "佳怡", "诗涵", "一诺", "梦瑶", "嘉豪", "文博", "天佑", "明轩", "雅琪", "紫萱",
  "若曦", "美玲", "春梅", "玉兰", "国庆", "卫东", "红霞", "丹丹", "晨曦", "博文", "欣然", "可馨", "雨萱", "思远", "芳",
  "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "琳", "雪", "慧",
] as const;

export const ENGLISH_NAMES = [
  "Lily", "Amy", "Coco", "Vivian", "Grace", "Anna", "Cindy", "Kevin", "Jason", "Tony", "Jack", "Eric", "Sunny", "Candy",
  "Emma", "Cathy", "Helen", "Linda", "Judy", "Alice", "Tina", "Nancy", "Bella", "Mia", "Yoyo", "Kiki", "Leo", "Sam",
] as const;

export const FOODS = [
  "草莓", "芒果", "火锅", "奶茶", "咖啡", "榴莲", "小龙虾", "烧烤", "甜品", "蛋糕", "西瓜", "酸奶", "车厘子", "牛油果",
  "麻辣烫", "螺蛳粉", "面包", "饺子", "葡萄", "桃子",
] as const;

/** The kind of WeChat nickname that is a phrase, not a name. */
export const PHRASES = [
  "城南花已开", "半夏微凉", "随遇而安", "岁月静好", "知足常乐", "平安是福", "清风徐来", "向阳而生", "一只小可爱", "阳光明媚",
  "心若向阳", "上善若水", "海阔天空", "静待花开", "简单就好", "微笑向暖", "快乐每一天", "晴天", "木子李", "人间值得",
] as const;

export const KIDS = ["豆豆", "乐乐", "果果", "糖糖", "多多", "安安", "朵朵", "小宝", "甜甜", "米粒", "团团", "可可"] as const;
export const TITLES = ["姐", "哥", "阿姨", "叔", "老师", "女士", "先生"] as const;
export const TRADES = ["装修", "保险", "代购", "房产", "美甲", "烘焙", "瑜伽"] as const;
export const EMOJI = ["🌸", "🍀", "🌙", "☀️", "🐱", "🍓", "✨"] as const;

/** A realistic WeChat nickname: a real name, "Lily王", "爱吃草莓的小林", "豆豆妈妈", "城南花已开"… */
export function makeNickname(rand: Random): string {
  const surname = pick(rand, SURNAMES);
  const given = pick(rand, GIVEN_NAMES);
  const r = rand();
  if (r < 0.3) return surname + given;
  if (r < 0.4) return pick(rand, ENGLISH_NAMES) + surname;
  if (r < 0.48) return `爱吃${pick(rand, FOODS)}的小${surname}`;
  if (r < 0.58) return pick(rand, KIDS) + (rand() < 0.5 ? "妈" : "妈妈");
  if (r < 0.66) return surname + pick(rand, TITLES);
  if (r < 0.78) return pick(rand, PHRASES);
  if (r < 0.85) return `小${given.slice(-1)}`;
  if (r < 0.9) return `A-${surname}${given}-${pick(rand, TRADES)}`;
  if (r < 0.95) return pick(rand, ENGLISH_NAMES);
  return surname + given + pick(rand, EMOJI);
}

/** Real mainland carrier prefixes (中国移动/联通/电信), so demo numbers look like numbers. */
export const PHONE_PREFIXES = [
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159",
  "166", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
] as const;

/** A mainland mobile number: a carrier prefix and eight digits. Not unique by itself. */
export function makePhone(rand: Random): string {
  return pick(rand, PHONE_PREFIXES) + String(Math.floor(rand() * 1e8)).padStart(8, "0");
}

export const JOIN_SOURCES = ["扫码", "邀请", "门店活码", "朋友圈广告", "直播间", "小程序"] as const;

export const REMARKS = [
  "老客,每周三来买菜",
  "宝宝 2 岁,关注辅食",
  "想要团购券",
  "住 3 号楼,可送货上门",
  "推荐人:王姐",
  "对价格敏感,等秒杀",
  "公司团餐对接人",
  "上次投诉过配送慢,已补偿",
  "储值会员",
  "周末才有空到店",
  "喜欢新品试吃",
  "只在晚上回消息",
] as const;

/** The demo tag library: tag group → tags. */
export const TAG_LIBRARY: Record<string, readonly string[]> = {
  兴趣: ["咖啡", "烘焙", "生鲜", "亲子", "火锅", "健身"],
  生命周期: ["新客", "活跃", "沉睡", "流失预警"],
  来源: ["门店", "朋友圈", "老带新", "直播"],
};

/** Order totals (yuan) for demo order events: a 9.9 trial up to a gift box. */
export const ORDER_AMOUNTS_YUAN = [9.9, 19.9, 29.9, 39, 59, 88, 128, 199] as const;

/**
 * SOP starters the demo applies for the current week (Monday to Sunday), so the calendar has
 * posts on first start: what already passed shows as sent, the rest as scheduled. `group` is an
 * index into the demo's group list (db/seed.ts GROUPS).
 */
export const DEMO_SOP_RUNS = [
  { starterKey: "restaurant_daily", group: 1 },
  { starterKey: "education_weekly", group: 2 },
] as const;

/**
 * The demo's 60 days of sent posts with links, per group (index into the demo's GROUPS): when it
 * posts (local time, weekday 1 = Monday, null = every day), what, how many of the people reached
 * click (unique), how many clickers pay, and what they spend. 午市熟客群 earns the most per person
 * reached; the dead 宝妈群 the least. Weekends lift the grocery group, weekdays the lunch group,
 * and the 双 12 warm-up campaign (CAMPAIGN_DAYS_AGO) spikes clicks and orders everywhere.
 */
export type DemoPostPlan = { time: string; weekdays: number[] | null; category: "product" | "values" | "interaction" | "activity"; titles: readonly string[]; link: boolean };
export type DemoFunnelGroup = {
  group: number;
  posts: DemoPostPlan[];
  clickRate: number;
  payRate: number;
  amountsYuan: readonly number[];
  /** multiplier by ISO weekday (index 0 = Monday) */
  rhythm: readonly number[];
  /** only the last N days (a flash group), else all 60 */
  days?: number;
};

export const DEMO_FUNNEL_DAYS = 60;
export const CAMPAIGN_DAYS_AGO = [19, 18, 17];
export const DEMO_LINK_HOST = "https://shop.example.com";

export const DEMO_FUNNEL: DemoFunnelGroup[] = [
  {
    group: 0,
    posts: [
      { time: "08:00", weekdays: null, category: "product", titles: ["今日特价:草莓 9.9 元一盒", "早市福利:土鸡蛋 30 枚", "限量:海南香蕉 5 斤装", "今日特价:有机菠菜", "早餐组合:豆浆 + 包子"], link: true },
      { time: "20:00", weekdays: null, category: "activity", titles: ["晚 8 点接龙:明早到店自提", "社区团购接龙:车厘子", "晚间接龙:牛排套餐"], link: true },
      { time: "12:00", weekdays: [3], category: "values", titles: ["产地直采的故事", "我们为什么坚持当天配送"], link: false },
    ],
    clickRate: 0.16,
    payRate: 0.22,
    amountsYuan: [9.9, 19.9, 29.9, 39],
    rhythm: [0.8, 0.8, 0.9, 0.9, 1.1, 1.45, 1.35],
  },
  {
    group: 1,
    posts: [
      { time: "11:00", weekdays: [1, 2, 3, 4, 5], category: "product", titles: ["今日午市菜单", "午市套餐:招牌牛腩饭", "工作日午餐:两荤一素 25 元"], link: true },
      { time: "18:00", weekdays: [2, 4], category: "activity", titles: ["明日午市秒杀预告", "周四会员日:满 100 减 20"], link: true },
      { time: "15:00", weekdays: [6], category: "interaction", titles: ["投票:下周想吃什么新菜?"], link: false },
    ],
    clickRate: 0.24,
    payRate: 0.3,
    amountsYuan: [59, 88, 128],
    rhythm: [1.2, 1.2, 1.15, 1.2, 1.25, 0.6, 0.5],
  },
  {
    group: 2,
    posts: [
      { time: "19:30", weekdays: null, category: "values", titles: ["体验课第 1 课:孩子为什么爱问为什么", "体验课:亲子阅读的三个方法", "体验课答疑汇总"], link: false },
      { time: "21:00", weekdays: [2, 5], category: "product", titles: ["正式课报名:早鸟价", "正式课最后 20 个名额"], link: true },
    ],
    clickRate: 0.2,
    payRate: 0.12,
    amountsYuan: [199, 199, 299],
    rhythm: [1, 1, 1, 1, 1, 0.9, 0.9],
    days: 40,
  },
  {
    group: 3,
    posts: [
      { time: "10:00", weekdays: [1, 4], category: "interaction", titles: ["宝妈话题:辅食怎么做", "周末带娃去哪儿"], link: false },
      { time: "20:00", weekdays: [3], category: "product", titles: ["母婴好物推荐", "纸尿裤团购"], link: true },
    ],
    clickRate: 0.03,
    payRate: 0.05,
    amountsYuan: [39, 59],
    rhythm: [1, 1, 1, 1, 1, 1, 1],
  },
];
