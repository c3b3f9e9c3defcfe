/**
 * The columns a roster import understands, and a first guess at which file column is which.
 * The guess only pre-fills the mapping step; the operator confirms or changes it.
 */
export const IMPORT_FIELDS = ["nickname", "remark", "phone", "externalId", "groupName", "joinedAt", "joinSource", "tags", "addedBy"] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export type Mapping = (ImportField | null)[];

/**
 * Header names seen in WeCom (企业微信) admin exports of customers and group members, in the
 * WeChat "群管理" tools, and in hand-made sheets. Matching ignores case, spaces and punctuation,
 * so "External_UserID", "external userid" and "externalUserId" are the same header.
 */
const SYNONYMS: Record<ImportField, string[]> = {
  nickname: ["客户名称", "客户昵称", "昵称", "微信昵称", "名称", "姓名", "客户", "群昵称", "群内昵称", "成员昵称", "成员名称", "name", "nickname", "customer name"],
  remark: ["备注", "备注名", "描述", "remark", "note", "notes"],
  phone: ["手机号", "手机号码", "手机", "电话", "联系电话", "备注手机号", "mobile", "phone", "phone number", "mobile number"],
  externalId: ["外部联系人ID", "外部联系人id", "客户ID", "external_userid", "externaluserid", "external id", "userid"],
  groupName: ["群名", "群名称", "群聊名称", "所在群", "所在群聊", "客户群", "group", "group name"],
  joinedAt: ["入群时间", "加入时间", "添加时间", "添加好友时间", "joined at", "join time", "join date"],
  joinSource: ["入群方式", "加入方式", "来源", "添加渠道", "渠道", "入群渠道", "source", "join source", "channel"],
  tags: ["标签", "企业标签", "客户标签", "个人标签", "tags", "tag", "labels"],
  addedBy: ["添加人", "所属员工", "跟进人", "负责人", "群主", "邀请人", "added by", "owner", "staff"],
};

/**
 * Synonyms too broad to find inside a longer header: "客户来源" is a source and "Staff Name" is
 * a staff member, not a nickname. They still count when they are the whole header.
 */
const EXACT_ONLY = new Set(["客户", "名称", "name"]);

/** NFKC folds full-width letters and digits (ＩＤ, １) that Chinese input methods produce. */
function compact(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
}

/** Words for Latin headers, with camelCase split: "externalUserId" → external user id. */
function words(s: string): string[] {
  return s
    .normalize("NFKC")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const isLatin = (s: string) => /^[\x20-\x7e]+$/.test(s);

type Candidate = { field: ImportField; synonym: string };

const EXACT = new Map<string, ImportField>();
const PARTIAL: Candidate[] = [];
for (const field of IMPORT_FIELDS) {
  for (const synonym of SYNONYMS[field]) {
    if (!EXACT.has(compact(synonym))) EXACT.set(compact(synonym), field);
    if (!EXACT_ONLY.has(synonym)) PARTIAL.push({ field, synonym });
  }
}

function containsWords(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((w, j) => haystack[i + j] === w)) return true;
  }
  return false;
}

/** The field whose synonym is the longest part of the header ("客户群名称(必填)" → groupName). */
function partialMatch(header: string, taken: Set<ImportField>): ImportField | null {
  const flat = compact(header);
  const tokens = words(header);
  let best: { field: ImportField; weight: number } | null = null;
  for (const { field, synonym } of PARTIAL) {
    if (taken.has(field)) continue;
    // Latin synonyms must appear as whole words, or "tag" would match "stage".
    const hit = isLatin(synonym) ? containsWords(tokens, words(synonym)) : flat.includes(compact(synonym));
    const weight = compact(synonym).length;
    if (hit && (!best || weight > best.weight)) best = { field, weight };
  }
  return best?.field ?? null;
}

/**
 * Guess the field of each header (index-aligned; null = not imported). Whole-header matches are
 * placed first, then headers that contain a synonym; each field goes to one column only, the
 * leftmost, so a second tag column (个人标签 after 企业标签) stays unmapped until chosen by hand.
 */
export function suggestMapping(headers: string[]): Mapping {
  const result: Mapping = headers.map(() => null);
  const taken = new Set<ImportField>();
  headers.forEach((header, i) => {
    const field = EXACT.get(compact(header));
    if (field && !taken.has(field)) {
      result[i] = field;
      taken.add(field);
    }
  });
  headers.forEach((header, i) => {
    if (result[i] !== null || !compact(header)) return;
    const field = partialMatch(header, taken);
    if (field) {
      result[i] = field;
      taken.add(field);
    }
  });
  return result;
}
