/** What merging `merge` into `keep` will do, in numbers a person can check before confirming. */
type Side = {
  member: { externalId: string | null; phone: string | null; nickname: string; remark: string };
  stays: { groupId: string; leftAt: Date | null }[];
  tags: { id: string }[];
};

export function describeMerge(keep: Side, merge: Side) {
  const keepOpen = new Set(keep.stays.filter((s) => !s.leftAt).map((s) => s.groupId));
  const keepTags = new Set(keep.tags.map((t) => t.id));
  const fill = (["externalId", "phone", "nickname"] as const).filter((f) => !keep.member[f] && !!merge.member[f]);
  return {
    movedStays: merge.stays.length,
    duplicateOpenStays: merge.stays.filter((s) => !s.leftAt && keepOpen.has(s.groupId)).length,
    addedTags: merge.tags.filter((t) => !keepTags.has(t.id)).length,
    filledFields: merge.member.remark && merge.member.remark !== keep.member.remark ? [...fill, "remark" as const] : fill,
  };
}
