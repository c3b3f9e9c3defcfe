import { assembleStatement, type Answers, type Starter } from "./schema";

/**
 * Filled examples to start a plan from, one per industry, written from the seed articles'
 * cases. The build date and the regions are left empty on purpose: only the store knows them.
 */
type Example = Omit<Answers, "statement"> & { statement: Omit<Answers["statement"], "text"> };

const yuan = (n: number) => Math.round(n * 100);
const product = (id: string, name: string, tier: Answers["products"][number]["tier"], price: number, isEntry = false) => ({
  id,
  name,
  tier,
  priceCents: yuan(price),
  isEntry,
});

const EXAMPLES: Record<Starter, Example> = {
  restaurant: {
    businessModel: { step: "repurchase", goal: "三个月内让群内顾客每月到店或外卖复购 2 次以上" },
    fiveW1H: {
      why: "午市客流稳定但晚市和周末空座多,老顾客没有被持续触达",
      what: "每天 11:00 发今日菜单,12:00 发招牌菜视频,18:00 预告次日限量秒杀",
      where: { platform: "wecom", note: "门店企业微信客户群,收银台放群活码" },
      who: "附近 3 公里内的上班族和住户,到店用餐过的老顾客",
      when: { buildDate: null, lifecycle: "long", endDate: null },
      how: "群内专享秒杀和储值卡带来复购,新品试吃带动客单价",
    },
    fiveElements: {
      purpose: "把到店一次的顾客变成每周都来的熟客",
      targetUsers: { ageMin: 22, ageMax: 45, gender: "any", regions: [], occupations: ["上班族", "周边住户"] },
      value: "每天先看到菜单和群专享价,秒杀和新品试吃只在群里",
      entry: { paid: false, priceCents: null },
      channels: ["store", "mini_program"],
    },
    sixQuestions: {
      why: "外卖平台抽佣高,需要自己的熟客池",
      purposes: ["repurchase", "sell"],
      resources: "店长兼群主,一名服务员做客服,每天有菜品照片可用",
      validation: { methods: ["in_house"], kpis: "群内复购率、秒杀核销数、每周新进群人数" },
      outcome: "跑通后形成每日三条的发布 SOP,复制到第二家门店",
      growth: "扩展为储值会员群和新品试吃官(KOC)小群",
    },
    statement: { people: "附近上班族和住户", solution: "每日菜单与群专享秒杀", problem: "不知道今天吃什么、想吃得划算" },
    typeThreshold: { communityType: "repurchase", threshold: "purchase", priceCents: null, condition: "到店消费一次后扫码入群", level: "", product: "招牌午市套餐" },
    products: [
      product("p1", "9.9 元早餐券", "traffic", 9.9, true),
      product("p2", "招牌午市套餐", "bestseller", 32),
      product("p3", "500 元储值卡", "vip", 500),
    ],
  },
  mother_baby: {
    businessModel: { step: "convert", goal: "90 天内群成员购买转化率达到 15%" },
    fiveW1H: {
      why: "新手妈妈决策依赖信任,需要持续的育儿内容和答疑",
      what: "每天育儿知识、每周专家答疑、每月一次会员日团购",
      where: { platform: "wecom", note: "门店导购企业微信建群" },
      who: "孕晚期和 0–3 岁宝宝的妈妈",
      when: { buildDate: null, lifecycle: "long", endDate: null },
      how: "会员日团购与奶粉纸尿裤复购",
    },
    fiveElements: {
      purpose: "用专业内容建立信任,带动母婴用品转化",
      targetUsers: { ageMin: 24, ageMax: 38, gender: "female", regions: [], occupations: ["新手妈妈", "全职妈妈"] },
      value: "育儿师在线答疑,群专享团购价",
      entry: { paid: false, priceCents: null },
      channels: ["store", "official_account", "referral"],
    },
    sixQuestions: {
      why: "电商比价严重,门店需要信任优势",
      purposes: ["sell", "service"],
      resources: "两名持证育婴师,品牌方提供的试用装",
      validation: { methods: ["in_house", "expert"], kpis: "答疑响应时长、团购转化率、群活跃率" },
      outcome: "形成育儿内容日历和团购 SOP",
      growth: "按宝宝月龄拆分兴趣小群",
    },
    statement: { people: "0–3 岁宝宝的妈妈", solution: "育儿师答疑和会员团购", problem: "育儿焦虑和买贵买错" },
    typeThreshold: { communityType: "conversion", threshold: "condition", priceCents: null, condition: "门店会员或孕期建档用户", level: "", product: "" },
    products: [product("p1", "试用装礼包", "traffic", 0, true), product("p2", "有机奶粉", "bestseller", 268), product("p3", "年度育儿会员", "vip", 1299)],
  },
  education: {
    businessModel: { step: "convert", goal: "体验课学员 30 天内转正价课比例达到 20%" },
    fiveW1H: {
      why: "体验课结束后学员流失,缺少持续跟进",
      what: "周一晚发课前预告海报,周二倒计时,周三发回放和思维导图,周四点评作业",
      where: { platform: "wecom", note: "班主任企业微信建班级群" },
      who: "报名 9.9 元体验课的家长和学员",
      when: { buildDate: null, lifecycle: "flash", endDate: "2026-12-31" },
      how: "体验课后转化正价课和进阶课",
    },
    fiveElements: {
      purpose: "让体验课学员看到学习效果并报名正价课",
      targetUsers: { ageMin: 28, ageMax: 45, gender: "any", regions: [], occupations: ["家长"] },
      value: "每节课有回放、导图和作业点评",
      entry: { paid: true, priceCents: yuan(9.9) },
      channels: ["ads", "official_account", "referral"],
    },
    sixQuestions: {
      why: "投放获客成本高,必须提高体验课转化",
      purposes: ["sell", "service"],
      resources: "主讲老师、班主任、课程海报模板",
      validation: { methods: ["in_house"], kpis: "到课率、作业提交率、正价课转化率" },
      outcome: "可复制的体验课四周 SOP",
      growth: "结课后拉入长期学习打卡群",
    },
    statement: { people: "想提升孩子成绩的家长", solution: "直播课加作业点评", problem: "课后没人跟进、学了不会用" },
    typeThreshold: { communityType: "flash", threshold: "paid", priceCents: yuan(9.9), condition: "", level: "", product: "" },
    products: [product("p1", "9.9 元体验课", "traffic", 9.9, true), product("p2", "学期正价课", "bestseller", 1980), product("p3", "一对一辅导年卡", "vip", 12800)],
  },
  fresh_grocery: {
    businessModel: { step: "repurchase", goal: "群成员每周下单 2 次,月复购率 60%" },
    fiveW1H: {
      why: "社区店品类日常高频,适合群内接龙和预售",
      what: "每早 8 点发当日特价,晚 8 点接龙次日预售,周末做团购",
      where: { platform: "wecom", note: "按小区建群,店长做群主" },
      who: "门店周边小区的家庭采购者",
      when: { buildDate: null, lifecycle: "long", endDate: null },
      how: "预售减少损耗,团购带量",
    },
    fiveElements: {
      purpose: "把路过的顾客变成每天在群里下单的住户",
      targetUsers: { ageMin: 28, ageMax: 65, gender: "any", regions: [], occupations: ["家庭主妇", "退休人员", "上班族"] },
      value: "比菜场新鲜、比平台便宜,还能送货到楼下",
      entry: { paid: false, priceCents: null },
      channels: ["store", "referral"],
    },
    sixQuestions: {
      why: "线上买菜平台分流了周边客流",
      purposes: ["repurchase", "sell"],
      resources: "店长、两名配送员、每日进货清单",
      validation: { methods: ["in_house"], kpis: "接龙人数、预售损耗率、周复购率" },
      outcome: "每日两条的接龙 SOP,可复制到其他小区",
      growth: "按小区开快闪团购群",
    },
    statement: { people: "周边小区的家庭", solution: "每日特价和接龙预售", problem: "买菜不新鲜又费时间" },
    typeThreshold: { communityType: "repurchase", threshold: "none", priceCents: null, condition: "", level: "", product: "" },
    products: [product("p1", "1 元鸡蛋", "traffic", 1, true), product("p2", "当季水果礼盒", "bestseller", 59), product("p3", "月度蔬菜周配卡", "vip", 399)],
  },
  beauty: {
    businessModel: { step: "convert", goal: "群内到店体验预约每月 100 单" },
    fiveW1H: {
      why: "美容项目客单价高,需要先建立信任再到店",
      what: "每周护肤知识、顾客案例分享、月度限时体验价",
      where: { platform: "wecom", note: "美容顾问企业微信建群" },
      who: "关注皮肤管理的年轻女性",
      when: { buildDate: null, lifecycle: "long", endDate: null },
      how: "低价体验项目转化疗程卡",
    },
    fiveElements: {
      purpose: "用案例和专业内容带动到店体验",
      targetUsers: { ageMin: 22, ageMax: 40, gender: "female", regions: [], occupations: ["白领", "自由职业"] },
      value: "专业护肤建议和群专享体验价",
      entry: { paid: false, priceCents: null },
      channels: ["store", "live_stream", "ads"],
    },
    sixQuestions: {
      why: "新客获取依赖投放,需要私域沉淀",
      purposes: ["sell", "brand"],
      resources: "三名美容顾问、顾客授权的前后对比照",
      validation: { methods: ["in_house", "agency"], kpis: "体验预约数、疗程卡转化率" },
      outcome: "体验到转化的话术和内容 SOP",
      growth: "老客推荐有礼的裂变活动",
    },
    statement: { people: "关注皮肤的年轻女性", solution: "专业顾问和体验价项目", problem: "不知道适合什么护理、怕被推销" },
    typeThreshold: { communityType: "conversion", threshold: "invitation", priceCents: null, condition: "到店顾客由顾问邀请入群", level: "", product: "" },
    products: [product("p1", "39 元补水体验", "traffic", 39, true), product("p2", "皮肤管理 10 次卡", "bestseller", 1680), product("p3", "年度会员", "vip", 6800)],
  },
  apparel: {
    businessModel: { step: "repurchase", goal: "会员每季度回购 1 次以上" },
    fiveW1H: {
      why: "新品上市需要老顾客第一时间看到",
      what: "周一新品预告,周二上新,周四穿搭种草,周六直播",
      where: { platform: "wecom", note: "品牌导购建会员群" },
      who: "购买过两次以上的会员",
      when: { buildDate: null, lifecycle: "long", endDate: null },
      how: "新品首发和会员专享折扣",
    },
    fiveElements: {
      purpose: "让会员先看到新品并在群里下单",
      targetUsers: { ageMin: 20, ageMax: 40, gender: "female", regions: [], occupations: ["白领", "学生"] },
      value: "新品抢先看、穿搭建议、会员价",
      entry: { paid: false, priceCents: null },
      channels: ["store", "mini_program", "live_stream"],
    },
    sixQuestions: {
      why: "库存周转慢,需要稳定的首发客群",
      purposes: ["repurchase", "brand"],
      resources: "导购团队、每周新品图、直播间",
      validation: { methods: ["in_house"], kpis: "新品首周售罄率、群内下单占比" },
      outcome: "栏目化的每周内容 SOP",
      growth: "按风格拆分兴趣群",
    },
    statement: { people: "爱穿搭的会员", solution: "新品首发和穿搭建议", problem: "不知道怎么搭、怕错过新品" },
    typeThreshold: { communityType: "fans", threshold: "level", priceCents: null, condition: "", level: "银卡及以上会员", product: "" },
    products: [product("p1", "基础款 T 恤", "traffic", 59, true), product("p2", "当季连衣裙", "bestseller", 399), product("p3", "高定外套", "vip", 2999)],
  },
};

export function starterAnswers(starter: Starter): Answers {
  const example = structuredClone(EXAMPLES[starter]);
  return { ...example, statement: { ...example.statement, text: assembleStatement({ ...example.statement, text: "" }) } };
}
